import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@vitrine/core/passwords';
import { createPrismaClient, type PrismaClient } from '@vitrine/db';
import { createTestDatabase, type TestDatabase } from '@vitrine/db/testing';

/** The commands run as the operator runs them: a separate process, configured by environment variables. */
const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'vitrine-admin.mjs');
const ADMIN = 'ops@example.test';

let t: TestDatabase;
let owner: PrismaClient;
let dir: string;
let env: NodeJS.ProcessEnv;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...env, ...extraEnv }, timeout: 240_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function countRows(tenantId: string): Promise<Record<string, number>> {
  const tables = await owner.$queryRaw<{ t: string }[]>`
    SELECT c.relname::text AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
    WHERE c.relkind = 'r' AND c.relforcerowsecurity ORDER BY 1`;
  const counts: Record<string, number> = {};
  for (const { t: table } of tables) {
    const rows = await owner.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT set_config('app.tenant_id', $1, true)`, tenantId);
      return tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}" WHERE tenant_id = $1`, tenantId);
    });
    counts[table] = rows[0]!.n;
  }
  return counts;
}

beforeAll(async () => {
  t = await createTestDatabase('cli');
  owner = createPrismaClient(t.ownerUrl, { maxConnections: 2 });
  dir = await mkdtemp(join(tmpdir(), 'vitrine-cli-'));
  env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: t.ownerUrl,
    APP_DATABASE_URL: t.appUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 9).toString('base64')}`,
    PLATFORM_DOMAIN: 'vitrine.test',
    APP_URL: 'http://vitrine.test:3000',
    VITRINE_REDIS_PREFIX: `vitrine-cli-test:${randomBytes(4).toString('hex')}:`,
    LOG_LEVEL: 'silent',
  };
  await owner.user.create({ data: { email: ADMIN, platformRole: 'SUPER_ADMIN', totpEnabledAt: new Date() } });
});

afterAll(async () => {
  await owner?.$disconnect();
  await t?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('vitrine-admin', () => {
  it('prints its commands with --help, and a command’s options with <command> --help', { timeout: 300_000 }, async () => {
    const all = await run(['--help']);
    expect(all.code).toBe(0);
    for (const name of ['tenants:create', 'tenants:list', 'tenants:suspend', 'tenants:reactivate', 'tenants:export', 'tenants:import', 'db:migrate-all']) {
      expect(all.stdout).toContain(name);
    }
    const one = await run(['tenants:create', '--help']);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('--owner-email');
    const unknown = await run(['tenants:explode']);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown command "tenants:explode"') });
  });

  // About twenty processes, each compiling the sources with tsx: minutes on a loaded machine.
  it('create → list → suspend → reactivate → export → import, with clear refusals', { timeout: 900_000 }, async () => {
    const created = await run(['tenants:create', '--name', 'CLI Store', '--slug', 'cli-store', '--owner-email', 'Owner@Example.test', '--plan', 'pro', '--as', ADMIN]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Store URL:  http://cli-store.vitrine.test:3000');
    const password = /Password:\s+(\S+)\s+\(new account/.exec(created.stdout)?.[1];
    expect(password).toBeTruthy();
    const user = await owner.user.findUniqueOrThrow({ where: { email: 'owner@example.test' } });
    expect(await verifyPassword(user.passwordHash!, password!)).toBe(true);
    const store = await owner.tenant.findUniqueOrThrow({ where: { slug: 'cli-store' } });
    expect(store).toMatchObject({ name: 'CLI Store', planCode: 'pro', status: 'TRIAL' });

    expect(await run(['tenants:create', '--name', 'Again', '--slug', 'cli-store', '--owner-email', 'x@example.test'])).toMatchObject({
      code: 1, stderr: expect.stringContaining('already taken'),
    });
    expect(await run(['tenants:create', '--slug', 'other-store', '--owner-email', 'x@example.test'])).toMatchObject({
      code: 2, stderr: expect.stringContaining('--name is required'),
    });
    expect(await owner.user.findUnique({ where: { email: 'x@example.test' } })).toBeNull();

    const listed = await run(['tenants:list', '--json', '--as', ADMIN]);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { slug: string; planCode: string }[]).map((s) => [s.slug, s.planCode])).toEqual([['cli-store', 'pro']]);
    expect(JSON.parse((await run(['tenants:list', '--json', '--plan', 'free', '--as', ADMIN])).stdout)).toEqual([]);
    expect((await run(['tenants:list', '--status', 'sleeping', '--as', ADMIN])).code).toBe(2);
    expect(await run(['tenants:list'])).toMatchObject({ code: 1, stderr: expect.stringContaining('VITRINE_OPERATOR_EMAIL') });
    expect((await run(['tenants:list'], { VITRINE_OPERATOR_EMAIL: ADMIN })).stdout).toContain('cli-store');

    expect((await run(['tenants:suspend', 'cli-store', '--reason', 'Unpaid invoices', '--as', ADMIN])).code).toBe(0);
    const suspended = await run(['tenants:list', '--status', 'SUSPENDED', '--as', ADMIN]);
    expect(suspended.stdout).toMatch(/cli-store\s+CLI Store\s+SUSPENDED/);
    expect(await run(['tenants:suspend', 'cli-store', '--reason', 'Unpaid invoices', '--as', ADMIN])).toMatchObject({
      code: 1, stderr: expect.stringContaining('already suspended'),
    });
    expect(await run(['tenants:suspend', 'no-such-store', '--reason', 'whatever', '--as', ADMIN])).toMatchObject({ code: 1, stderr: expect.stringContaining('no store') });
    const reactivated = await run(['tenants:reactivate', 'cli-store', '--as', ADMIN]);
    expect(reactivated).toMatchObject({ code: 0, stdout: expect.stringContaining('now TRIAL') });
    const actions = await owner.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT set_config('app.tenant_id', $1, true)`, store.id);
      return tx.auditLog.findMany({ orderBy: { createdAt: 'asc' }, select: { action: true } });
    });
    expect(actions.map((a) => a.action)).toEqual(['tenant.created', 'tenant.plan_changed', 'tenant.suspended', 'tenant.reactivated']);

    // Some catalog to carry over: a category, two published products with variants, a published storefront.
    await owner.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT set_config('app.tenant_id', $1, true)`, store.id);
      await tx.category.create({ data: { id: 'cli_cat', tenantId: store.id, name: 'Mugs', slug: 'mugs' } });
      for (const n of [1, 2]) {
        await tx.product.create({ data: { id: `cli_p${n}`, tenantId: store.id, categoryId: 'cli_cat', title: `Mug ${n}`, slug: `mug-${n}`, status: 'ACTIVE' } });
        await tx.productVariant.create({ data: { tenantId: store.id, productId: `cli_p${n}`, sku: `MUG-${n}`, priceAmount: 2500, currency: 'BRL', stock: n } });
      }
      await tx.storefrontConfig.update({ where: { tenantId: store.id }, data: { publishedAt: new Date() } });
    });

    const archive = join(dir, 'cli-store.zip');
    const exported = await run(['tenants:export', 'cli-store', '--out', archive]);
    expect(exported.stderr).toBe('');
    expect(exported).toMatchObject({ code: 0, stdout: expect.stringContaining(`Archive: ${archive}`) });
    expect(existsSync(archive)).toBe(true);
    expect(await run(['tenants:export', 'cli-store', '--out', archive])).toMatchObject({ code: 1 });
    expect((await run(['tenants:export', 'cli-store'])).code).toBe(2);

    const imported = await run(['tenants:import', archive, '--slug', 'cli-copy']);
    expect(imported.stderr).toBe('');
    expect(imported).toMatchObject({ code: 0, stdout: expect.stringContaining('Store URL: http://cli-copy.vitrine.test:3000') });
    const copy = await owner.tenant.findUniqueOrThrow({ where: { slug: 'cli-copy' } });
    expect(copy.id).not.toBe(store.id);
    const [before, after] = [await countRows(store.id), await countRows(copy.id)];
    // The copy has one audit row more: its own tenant.imported.
    expect(after).toEqual({ ...before, audit_logs: before.audit_logs! + 1 });
    const catalog = (tenantId: string) =>
      owner.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SELECT set_config('app.tenant_id', $1, true)`, tenantId);
        return tx.product.findMany({ where: { status: 'ACTIVE' }, orderBy: { slug: 'asc' }, select: { slug: true, title: true, totalStock: true, category: { select: { slug: true } } } });
      });
    expect(await catalog(copy.id)).toEqual(await catalog(store.id));
    expect(await owner.domain.findMany({ where: { tenantId: copy.id }, select: { hostname: true } })).toEqual([{ hostname: 'cli-copy.vitrine.test' }]);

    expect(await run(['tenants:import', archive])).toMatchObject({ code: 1, stderr: expect.stringContaining('already taken') });
    expect(await run(['tenants:import', join(dir, 'missing.zip')])).toMatchObject({ code: 1, stderr: expect.stringContaining('There is no file') });
  });

  it('db:migrate-all --dry-run prints the plan and applies nothing', { timeout: 300_000 }, async () => {
    const behind = await createTestDatabase('cli_behind');
    const check = createPrismaClient(behind.ownerUrl, { maxConnections: 1 });
    try {
      const upToDate = await run(['db:migrate-all', '--dry-run'], { DATABASE_URL: behind.ownerUrl });
      expect(upToDate).toMatchObject({ code: 0, stdout: expect.stringContaining('(platform): up to date') });
      expect(upToDate.stdout).toContain('dry run: nothing applied');

      // One migration behind: the plan names it, and the dry run leaves it pending.
      const [last] = await check.$queryRaw<{ name: string }[]>`SELECT migration_name AS name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
      await check.$executeRaw`DELETE FROM "_prisma_migrations" WHERE migration_name = ${last!.name}`;
      const plan = await run(['db:migrate-all', '--dry-run'], { DATABASE_URL: behind.ownerUrl });
      expect(plan.stdout).toContain(`(platform): would apply 1: ${last!.name}`);
      expect(plan.code).toBe(0);
      const still = await check.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name = ${last!.name}`;
      expect(still[0]!.n).toBe(0);
    } finally {
      await check.$disconnect();
      await behind.drop();
    }
  });
});
