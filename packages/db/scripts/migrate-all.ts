// Migrates the platform database (DATABASE_URL, owner) and every tenant's dedicated database, and prints
// one line per database. `--dry-run` lists pending migrations without applying them. Exits 1 if any failed.
import { pickEnv } from '@vitrine/core/env';
import { migrateAll, type DatabaseReport } from '../src/migrate-all.ts';

const dryRun = process.argv.includes('--dry-run');
const env = pickEnv('DATABASE_URL', 'DATA_ENCRYPTION_KEYS');

function table(reports: DatabaseReport[]): string {
  const header = ['database', 'tenant', dryRun ? 'pending' : 'applied', 'already applied', 'result'];
  const rows = reports.map((r) => {
    const names = dryRun ? r.pending : r.applied;
    return [
      r.database,
      r.tenantId ?? '(platform)',
      names.length === 0 ? '-' : names.join(', '),
      String(r.skipped.length),
      r.error ? `FAILED: ${r.error.split('\n').join(' ')}` : dryRun ? `${names.length} pending` : 'ok',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => Math.min(row[i]!.length, 60))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

let reports: DatabaseReport[];
try {
  reports = await migrateAll({ platformOwnerUrl: env.DATABASE_URL, keyRing: env.DATA_ENCRYPTION_KEYS, dryRun });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Could not migrate the databases: ${message}`);
  process.exit(1);
}
console.log(table(reports));
const failed = reports.filter((r) => r.error).length;
console.log(
  `${reports.length} database(s)${dryRun ? ' checked (dry run, nothing applied)' : ' migrated'}${failed ? `, ${failed} failed` : ''}`,
);
process.exit(failed > 0 ? 1 : 0);
