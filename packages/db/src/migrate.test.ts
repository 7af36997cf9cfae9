import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MigrationError, MIGRATIONS_DIR, readMigrations } from './migrate.ts';
import { databaseUrl, dropDatabase } from './testing.ts';

const serverUrl = () => process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A database with nothing in it, not even the migrations ledger. */
async function bareDatabase(label: string): Promise<{ name: string; url: string }> {
  const name = `vitrine_test_${label}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return { name, url: databaseUrl(serverUrl(), name) };
}

interface Ledger {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
  logs: string | null;
}

async function ledger(url: string): Promise<Ledger[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Ledger>('SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name');
    return rows;
  } finally {
    await client.end();
  }
}

async function tableExists(url: string, table: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [table]);
    return rows[0]?.t != null;
  } finally {
    await client.end();
  }
}

describe('migrate', () => {
  const databases: string[] = [];
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitrine-migrations-'));
  });

  afterAll(async () => {
    await Promise.all(databases.map((name) => dropDatabase(name)));
    await rm(dir, { recursive: true, force: true });
  });

  it('applies every migration once; a second run applies nothing and leaves the ledger unchanged', async () => {
    const db = await bareDatabase('idem');
    databases.push(db.name);
    const names = (await readMigrations()).map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);

    const first = await migrate({ databaseUrl: db.url });
    expect(first).toEqual({ applied: names, skipped: [] });
    const before = await ledger(db.url);

    const second = await migrate({ databaseUrl: db.url });
    expect(second).toEqual({ applied: [], skipped: names });
    expect(await ledger(db.url)).toEqual(before);
  });

  it('records each migration as prisma migrate deploy does', async () => {
    const db = await bareDatabase('ledger');
    databases.push(db.name);
    await migrate({ databaseUrl: db.url });
    const rows = await ledger(db.url);
    const names = (await readMigrations()).map((m) => m.name);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      // Prisma's checksum: sha256 of the file's bytes, lowercase hex.
      const bytes = await readFile(join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('rolls back a failing migration completely, records it as rolled back, and applies it once fixed', async () => {
    const db = await bareDatabase('broken');
    databases.push(db.name);
    const migrations = join(dir, 'broken');
    await cp(MIGRATIONS_DIR, migrations, { recursive: true });
    const brokenName = '29991231000000_broken';
    const brokenFile = join(migrations, brokenName, 'migration.sql');
    await mkdir(join(migrations, brokenName));
    await writeFile(brokenFile, 'CREATE TABLE "half_done" ("id" TEXT PRIMARY KEY);\nCREAT TABLE oops ();\n');

    const error = await migrate({ databaseUrl: db.url, migrationsDir: migrations }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    const failure = error as MigrationError;
    expect(failure.migration).toBe(brokenName);
    expect(failure.message).toContain(`Migration ${brokenName} failed and was rolled back`);
    expect(failure.message).toMatch(/syntax error at or near "CREAT"/);
    expect(failure.message).toContain('SQLSTATE 42601');

    // The earlier migrations committed; nothing of the broken one did.
    expect(await tableExists(db.url, 'public.products')).toBe(true);
    expect(await tableExists(db.url, 'public.half_done')).toBe(false);
    const afterFailure = await ledger(db.url);
    const failed = afterFailure.filter((r) => r.migration_name === brokenName);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.finished_at).toBeNull();
    expect(failed[0]!.rolled_back_at).toBeInstanceOf(Date);
    expect(failed[0]!.applied_steps_count).toBe(0);
    expect(failed[0]!.logs).toMatch(/syntax error/);

    await writeFile(brokenFile, 'CREATE TABLE "half_done" ("id" TEXT PRIMARY KEY);\n');
    const fixed = await migrate({ databaseUrl: db.url, migrationsDir: migrations });
    expect(fixed.applied).toEqual([brokenName]);
    expect(await tableExists(db.url, 'public.half_done')).toBe(true);
    const rows = (await ledger(db.url)).filter((r) => r.migration_name === brokenName);
    expect(rows).toHaveLength(2);
    const applied = rows.find((r) => r.finished_at !== null);
    expect(applied?.rolled_back_at).toBeNull();
    expect(applied?.checksum).toBe(createHash('sha256').update(await readFile(brokenFile)).digest('hex'));

    // And it stays applied.
    expect((await migrate({ databaseUrl: db.url, migrationsDir: migrations })).applied).toEqual([]);
  });
});
