import pg from 'pg';
import type { KeyRing } from '@vitrine/core/crypto';
import { openDedicatedUrls } from './dedicated.ts';
import { migrate, MigrationError, readMigrations } from './migrate.ts';

/**
 * Migrates the platform database and every tenant's dedicated database, one after the other, and
 * reports per database. A database that fails is reported and the others are still migrated.
 */
export interface DatabaseReport {
  /** host/name of the database, never its credentials. */
  database: string;
  /** Set for a tenant's dedicated database. */
  tenantId?: string;
  applied: string[];
  /** Migrations the database already had (left alone). */
  skipped: string[];
  /** Dry run: the migrations that would be applied. */
  pending: string[];
  error?: string;
}

export interface MigrateAllOptions {
  /** Owner connection to the platform database. */
  platformOwnerUrl: string;
  keyRing: KeyRing;
  /** List what is pending without applying anything. */
  dryRun?: boolean;
  migrationsDir?: string;
  log?: (line: string) => void;
}

export async function migrateAll(options: MigrateAllOptions): Promise<DatabaseReport[]> {
  const platform = await migrateOne(options, options.platformOwnerUrl);
  const reports: DatabaseReport[] = [platform];

  let tenants: { id: string; database_url_enc: string }[];
  try {
    tenants = await dedicatedTenants(options.platformOwnerUrl);
  } catch (error) {
    // Reported on the platform's row: without it the dedicated databases cannot be found.
    const listing = `Could not list the tenants with a dedicated database: ${messageOf(error)}`;
    platform.error = platform.error && platform.error.includes(messageOf(error)) ? platform.error : [platform.error, listing].filter(Boolean).join('\n');
    return reports;
  }

  for (const tenant of tenants) {
    let ownerUrl: string;
    try {
      ownerUrl = openDedicatedUrls(tenant.id, tenant.database_url_enc, options.keyRing).owner;
    } catch (error) {
      reports.push({
        database: '(unreadable connection string)',
        tenantId: tenant.id,
        applied: [],
        skipped: [],
        pending: [],
        error: `Could not decrypt the tenant's database connection string: ${messageOf(error)}`,
      });
      continue;
    }
    reports.push({ ...(await migrateOne(options, ownerUrl)), tenantId: tenant.id });
  }
  return reports;
}

async function migrateOne(options: MigrateAllOptions, url: string): Promise<DatabaseReport> {
  const report: DatabaseReport = { database: describeDatabase(url), applied: [], skipped: [], pending: [] };
  try {
    if (options.dryRun) {
      const status = await migrationStatus(url, options.migrationsDir);
      report.pending = status.pending;
      report.skipped = status.applied;
    } else {
      const log = options.log;
      const result = await migrate({
        databaseUrl: url,
        migrationsDir: options.migrationsDir,
        log: log && ((line) => log(`${report.database}: ${line}`)),
      });
      report.applied = result.applied;
      report.skipped = result.skipped;
    }
  } catch (error) {
    report.error = error instanceof MigrationError ? error.message : messageOf(error);
  }
  return report;
}

/** Migrations in the folder that the database's ledger does not record as finished. */
export async function pendingMigrations(url: string, migrationsDir?: string): Promise<string[]> {
  return (await migrationStatus(url, migrationsDir)).pending;
}

/** The folder's migrations split into those the ledger records as finished and those still to apply. */
export async function migrationStatus(url: string, migrationsDir?: string): Promise<{ applied: string[]; pending: string[] }> {
  const migrations = await readMigrations(migrationsDir);
  const names = migrations.map((m) => m.name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: exists } = await client.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
    if (exists[0]?.t == null) return { applied: [], pending: names };
    const { rows } = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const done = new Set(rows.map((r) => r.migration_name));
    return { applied: names.filter((n) => done.has(n)), pending: names.filter((n) => !done.has(n)) };
  } finally {
    await client.end();
  }
}

async function dedicatedTenants(platformOwnerUrl: string): Promise<{ id: string; database_url_enc: string }[]> {
  const client = new pg.Client({ connectionString: platformOwnerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; database_url_enc: string }>(
      'SELECT id, database_url_enc FROM tenants WHERE database_url_enc IS NOT NULL ORDER BY id',
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** host:port/name, without user or password. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return '(malformed connection string)';
  }
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  return error instanceof Error ? error.message : String(error);
}
