import { pickEnv } from '@vitrine/core/env';
import { migrateAll, type DatabaseReport } from '@vitrine/db/migrate-all';
import { parse } from '../args.ts';

export const help = `vitrine-admin db:migrate-all [--dry-run]

Migrates the platform database (DATABASE_URL, the owner) and every store's dedicated database, one after the
other, with one line per database. --dry-run prints the plan (what each database would apply) and applies
nothing. Exits 1 when any database failed; the others are still migrated.`;

export async function dbMigrateAll(args: string[]): Promise<number> {
  const { values } = parse(args, { 'dry-run': { type: 'boolean' } }, { min: 0, max: 0, names: '' });
  const dryRun = values['dry-run'] ?? false;
  const env = pickEnv('DATABASE_URL', 'DATA_ENCRYPTION_KEYS');
  const reports = await migrateAll({ platformOwnerUrl: env.DATABASE_URL, keyRing: env.DATA_ENCRYPTION_KEYS, dryRun });
  for (const report of reports) console.log(describe(report, dryRun));
  const failed = reports.filter((r) => r.error).length;
  console.log(
    `${reports.length} database(s) ${dryRun ? 'checked (dry run: nothing applied)' : 'migrated'}${failed ? `, ${failed} failed` : ''}`,
  );
  return failed > 0 ? 1 : 0;
}

function describe(report: DatabaseReport, dryRun: boolean): string {
  const who = `${report.database} ${report.tenantId ? `(store ${report.tenantId})` : '(platform)'}`;
  if (report.error) return `${who}: FAILED: ${report.error.split('\n').join(' ')}`;
  const names = dryRun ? report.pending : report.applied;
  const verb = dryRun ? 'would apply' : 'applied';
  if (names.length === 0) return `${who}: up to date (${report.skipped.length} applied before)`;
  return `${who}: ${verb} ${names.length}: ${names.join(', ')}`;
}
