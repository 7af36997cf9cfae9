import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealDedicatedUrls } from './dedicated.ts';
import { MIGRATIONS_DIR, readMigrations } from './migrate.ts';
import { describeDatabase, migrateAll, type DatabaseReport } from './migrate-all.ts';
import { createTestDatabase, databaseUrl, dropDatabase, testKeyRing, type TestDatabase } from './testing.ts';

const serverUrl = () => process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const keyRing = testKeyRing();
const EXTRA = '29990101000000_add_wishlists';

/** Trust auth ignores it; the report must never show it. */
const withPassword = (url: string) => {
  const u = new URL(url);
  u.password = 'hunter2-secret';
  return u.toString();
};

async function run(url: string, sql: string, params: unknown[] = []): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const hasTable = async (url: string, table: string) =>
  (await run(url, 'SELECT to_regclass($1)::text AS t', [table]))[0]?.t != null;

describe('migrateAll', () => {
  let platform: TestDatabase;
  let dedicated: TestDatabase;
  let bareName: string;
  let bareUrl: string;
  let missingName: string;
  let dir: string;
  let migrations: string[];
  /** The repository's own migrations (what createTestDatabase applied). */
  let repository: string[];

  beforeAll(async () => {
    // The repository's migrations plus one more, so already-migrated databases have something to apply.
    dir = await mkdtemp(join(tmpdir(), 'vitrine-migrate-all-'));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await mkdir(join(dir, EXTRA));
    await writeFile(join(dir, EXTRA, 'migration.sql'), 'CREATE TABLE "wishlists_probe" ("id" TEXT PRIMARY KEY);\n');
    migrations = (await readMigrations(dir)).map((m) => m.name);
    repository = (await readMigrations()).map((m) => m.name);

    platform = await createTestDatabase('all_platform');
    dedicated = await createTestDatabase('all_dedicated');
    bareName = `vitrine_test_all_bare_${randomBytes(4).toString('hex')}`;
    await run(serverUrl(), `CREATE DATABASE "${bareName}"`);
    bareUrl = databaseUrl(serverUrl(), bareName);
    missingName = `vitrine_test_all_missing_${randomBytes(4).toString('hex')}`;

    const tenants: [string, { app: string; owner: string }][] = [
      ['t1_dedicated', { app: dedicated.appUrl, owner: withPassword(dedicated.ownerUrl) }],
      ['t2_missing', { app: databaseUrl(serverUrl(), missingName, 'vitrine_app'), owner: databaseUrl(serverUrl(), missingName) }],
      ['t3_bare', { app: databaseUrl(serverUrl(), bareName, 'vitrine_app'), owner: bareUrl }],
    ];
    await run(platform.ownerUrl, `INSERT INTO tenants (id, slug, name, updated_at) VALUES ('t0_pooled', 't0', 'Pooled', now())`);
    for (const [id, urls] of tenants) {
      await run(
        platform.ownerUrl,
        `INSERT INTO tenants (id, slug, name, database_url_enc, updated_at) VALUES ($1, $2, $1, $3, now())`,
        [id, id.slice(0, 2), sealDedicatedUrls(id, urls, keyRing)],
      );
    }
  });

  afterAll(async () => {
    await platform?.drop();
    await dedicated?.drop();
    if (bareName) await dropDatabase(bareName);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const byTenant = (reports: DatabaseReport[]) => new Map(reports.map((r) => [r.tenantId ?? 'platform', r]));

  it('lists pending migrations per database on a dry run, applying nothing', async () => {
    const reports = await migrateAll({ platformOwnerUrl: withPassword(platform.ownerUrl), keyRing, dryRun: true, migrationsDir: dir });
    expect(JSON.stringify(reports)).not.toContain('hunter2');
    const r = byTenant(reports);
    expect([...r.keys()]).toEqual(['platform', 't1_dedicated', 't2_missing', 't3_bare']);
    expect(r.get('platform')).toEqual({ database: `127.0.0.1:5432/${platform.name}`, applied: [], skipped: repository, pending: [EXTRA] });
    expect(r.get('t1_dedicated')).toMatchObject({
      database: `127.0.0.1:5432/${dedicated.name}`,
      applied: [],
      skipped: repository,
      pending: [EXTRA],
    });
    expect(r.get('t1_dedicated')?.error).toBeUndefined();
    expect(r.get('t2_missing')?.error).toMatch(new RegExp(`database "${missingName}" does not exist`));
    expect(r.get('t3_bare')).toMatchObject({ applied: [], skipped: [], pending: migrations });

    expect(await hasTable(bareUrl, 'public._prisma_migrations')).toBe(false);
    expect(await hasTable(bareUrl, 'public.products')).toBe(false);
    expect(await hasTable(platform.ownerUrl, 'public.wishlists_probe')).toBe(false);
  });

  it('migrates the platform and every dedicated database, reporting a failing one without stopping', async () => {
    const reports = await migrateAll({ platformOwnerUrl: platform.ownerUrl, keyRing, migrationsDir: dir });
    const r = byTenant(reports);
    expect(r.get('platform')).toEqual({ database: `127.0.0.1:5432/${platform.name}`, applied: [EXTRA], skipped: repository, pending: [] });
    expect(r.get('t1_dedicated')).toEqual({
      database: `127.0.0.1:5432/${dedicated.name}`,
      tenantId: 't1_dedicated',
      applied: [EXTRA],
      skipped: repository,
      pending: [],
    });
    expect(r.get('t2_missing')).toMatchObject({ database: `127.0.0.1:5432/${missingName}`, applied: [] });
    expect(r.get('t2_missing')?.error).toMatch(/does not exist/);
    // Listed after the failing database, and still migrated.
    expect(r.get('t3_bare')).toMatchObject({ applied: migrations });
    expect(r.get('t3_bare')?.error).toBeUndefined();
    expect(r.has('t0_pooled')).toBe(false);

    for (const url of [platform.ownerUrl, dedicated.ownerUrl, bareUrl]) {
      expect(await hasTable(url, 'public.wishlists_probe')).toBe(true);
    }

    const again = byTenant(await migrateAll({ platformOwnerUrl: platform.ownerUrl, keyRing, migrationsDir: dir }));
    expect(again.get('platform')).toMatchObject({ applied: [], skipped: migrations });
    expect(again.get('t3_bare')?.applied).toEqual([]);
    const dry = byTenant(await migrateAll({ platformOwnerUrl: platform.ownerUrl, keyRing, migrationsDir: dir, dryRun: true }));
    expect(dry.get('t3_bare')?.pending).toEqual([]);
  });

  it('reports a tenant whose connection string does not decrypt', async () => {
    await run(platform.ownerUrl, `UPDATE tenants SET database_url_enc = (SELECT database_url_enc FROM tenants WHERE id = 't3_bare') WHERE id = 't1_dedicated'`);
    try {
      const r = byTenant(await migrateAll({ platformOwnerUrl: platform.ownerUrl, keyRing, migrationsDir: dir }));
      expect(r.get('t1_dedicated')?.error).toMatch(/Could not decrypt/);
      expect(r.get('t3_bare')?.error).toBeUndefined();
    } finally {
      await run(platform.ownerUrl, `UPDATE tenants SET database_url_enc = $1 WHERE id = 't1_dedicated'`, [
        sealDedicatedUrls('t1_dedicated', { app: dedicated.appUrl, owner: dedicated.ownerUrl }, keyRing),
      ]);
    }
  });

  it('reports an unreachable platform database as an error row', async () => {
    const url = databaseUrl(serverUrl(), missingName);
    const reports = await migrateAll({ platformOwnerUrl: url, keyRing, migrationsDir: dir });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ database: describeDatabase(url), applied: [] });
    expect(reports[0]?.error).toMatch(/does not exist/);
  });

  it('runs as a command that prints a table and exits 1 when a database failed', async () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..');
    const env = {
      ...process.env,
      DATABASE_URL: platform.ownerUrl,
      DATA_ENCRYPTION_KEYS: `test:${Buffer.alloc(32, 7).toString('base64')}`,
    };
    const result = await promisify(execFile)('pnpm', ['exec', 'tsx', 'scripts/migrate-all.ts', '--dry-run'], { cwd: root, env }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^database\s+tenant\s+pending\s+already applied\s+result/);
    expect(result.stdout).toContain(`127.0.0.1:5432/${platform.name}`);
    expect(result.stdout).toMatch(/t2_missing\s+-\s+0\s+FAILED: .*does not exist/);
    expect(result.stdout).toMatch(new RegExp(`${platform.name}\\s+\\(platform\\)\\s+-\\s+${repository.length}\\s+0 pending`));
    expect(result.stdout).toContain('4 database(s) checked (dry run, nothing applied), 1 failed');
  });
});
