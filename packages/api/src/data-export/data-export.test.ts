import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { TENANT_MODELS } from '@vitrine/db';
import { readMigrations } from '@vitrine/db/migrate';
import { LocalDiskStorage } from '@vitrine/media/storage';
import { expectTRPCError } from '../test-support/expect-error.ts';
import { createApiHarness, type ApiHarness } from '../test-support/harness.ts';
import { twoStores, type TwoStores } from '../test-support/two-stores.ts';
import { downloadDataExport, EXPIRED_SENTENCE } from './download.ts';
import { exportTenant, type ExportOptions } from './export-tenant.ts';
import { importTenant, ImportRefusedError } from './import-tenant.ts';
import type { ExportManifest } from './manifest.ts';
import { NOT_SECRET_COLUMNS, PLATFORM_COLUMNS, REDACTED_COLUMNS, SECRET_LOOKING_COLUMN } from './redaction.ts';
import { deleteExpiredExports, runDataExport } from './run-export.ts';
import { FILLED_TABLES, fillStore, giveSecrets } from './test-fixtures.ts';

/** Platform tables whose tenant_id is required (a nullable tenant_id marks a platform table by itself). */
// tenant_daily_stats: platform stats kept by triggers on orders and products (an imported store's rows rebuild them);
// tenant_subscriptions and impersonation_grants: the platform's own records about a store.
const PLATFORM_TABLES_WITH_TENANT_ID = new Set(['domains', 'ml_account_routes', 'tenant_daily_stats', 'tenant_subscriptions', 'impersonation_grants']);

let h: ApiHarness;
let s: TwoStores;
let dir: string;
let storage: LocalDiskStorage;

/** Every entry of an archive, read whole (test archives are small). */
async function unzip(path: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}

async function exportToFile(tenantId: string, name: string, options?: ExportOptions): Promise<{ path: string; manifest: ExportManifest; files: Map<string, string> }> {
  const path = join(dir, `${name}.zip`);
  const manifest = await exportTenant(h.db, tenantId, createWriteStream(path), options);
  return { path, manifest, files: await unzip(path) };
}

/** Tenant-owned tables as the owner sees them (tenant_id NOT NULL, not a platform table). */
async function databaseTenantTables(): Promise<string[]> {
  const rows = await h.owner.$queryRaw<{ t: string }[]>`
    SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnotnull AND NOT a.attisdropped
    WHERE c.relkind IN ('r', 'p') ORDER BY c.relname`;
  return rows.map((r) => r.t).filter((t) => !PLATFORM_TABLES_WITH_TENANT_ID.has(t));
}

const rowsOf = (json: string) => JSON.parse(json) as Record<string, unknown>[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitrine-data-export-test-'));
  storage = new LocalDiskStorage({ root: join(dir, 'storage'), publicBaseUrl: '/media' });
  h = await createApiHarness('data_export', { storage });
  s = await twoStores(h, 'dx');
  await fillStore(h.owner, s.storeA.id, 'a', 7001);
  await fillStore(h.owner, s.storeB.id, 'b', 7002);
  await giveSecrets(h.owner, s.alice.id, s.storeA.id, 'a');
  await giveSecrets(h.owner, s.bob.id, s.storeB.id, 'b');
});

afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('exportTenant', () => {
  it('exports every tenant table of the database: the list follows the schema, so a new table is never forgotten', async () => {
    const { manifest, files } = await exportToFile(s.storeA.id, 'tables');
    const inDatabase = await databaseTenantTables();
    expect([...manifest.tenantTables].sort()).toEqual(inDatabase);
    // Every model marked tenant-owned in the client extension is one of them, and no table is left unmarked.
    const models = (h.db.platform as unknown as { _runtimeDataModel: { models: Record<string, { dbName: string | null }> } })._runtimeDataModel.models;
    const tenantModelTables = [...TENANT_MODELS].map((m) => models[m]?.dbName ?? m).sort();
    // support_ticket_index is exported with the store (staff find its restored tickets) but read across stores by
    // platform staff, so the client extension does not scope it.
    expect(tenantModelTables).toEqual(inDatabase.filter((t) => t !== 'support_ticket_index'));
    for (const table of inDatabase) {
      expect(files.has(`${table}.json`), `${table}.json`).toBe(true);
      expect(files.has(`${table}.csv`), `${table}.csv`).toBe(true);
    }
    for (const name of ['tenant', 'domains', 'users', 'manifest']) expect(files.has(`${name}.json`), name).toBe(true);
  });

  it('holds exactly the store’s rows in every table and nothing of the other store', async () => {
    const { manifest, files } = await exportToFile(s.storeA.id, 'rows-a');
    for (const table of FILLED_TABLES) {
      const rows = rowsOf(files.get(`${table}.json`)!);
      expect(rows.length, table).toBeGreaterThan(0);
    }
    for (const table of manifest.tenantTables) {
      const rows = rowsOf(files.get(`${table}.json`)!);
      const [{ n }] = await h.owner.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}" WHERE tenant_id = $1`, s.storeA.id) as [{ n: number }];
      expect(rows.length, table).toBe(n);
      expect(manifest.rowCounts[table], table).toBe(n);
      expect(new Set(rows.map((r) => r.tenant_id)), table).toEqual(new Set(n > 0 ? [s.storeA.id] : []));
      // The CSV has a header and one record per row (values with commas, quotes and line breaks are quoted).
      expect(files.get(`${table}.csv`)!.split('\n')[0]).toContain('tenant_id');
    }
    const everything = [...files.values()].join('\n');
    expect(everything).not.toContain(s.storeB.id);
    expect(everything).not.toContain('_b"');
    expect(everything).not.toContain(s.bob.email);
    expect(rowsOf(files.get('tenant.json')!)).toEqual([expect.objectContaining({ id: s.storeA.id, slug: s.storeA.slug })]);
    expect(rowsOf(files.get('users.json')!).map((u) => u.email)).toEqual([s.alice.email]);
    expect(rowsOf(files.get('domains.json')!).map((d) => d.hostname)).toEqual([s.storeA.hostname]);
  });

  it('keeps values exact: big integers as text, bytes, arrays, JSON and text with quotes and line breaks', async () => {
    const { files } = await exportToFile(s.storeA.id, 'values');
    expect(rowsOf(files.get('ml_items.json')!)[0]).toMatchObject({ price_minor: '9007199254740993' });
    expect(rowsOf(files.get('product_imports.json')!)[0]).toMatchObject({ file: '\\x00ff' });
    expect(rowsOf(files.get('store_setup.json')!)[0]).toMatchObject({ completed_steps: ['identity'] });
    const product = rowsOf(files.get('products.json')!).find((p) => p.slug === 'shirt-1')!;
    expect(product).toMatchObject({ title: 'a shirt, "1"\nline two', options: [{ name: 'Size', values: ['S', 'M'] }] });
    expect(files.get('products.csv')).toContain('"a shirt, ""1""\nline two"');
  });

  it('reads in pages by key: a page size of 2 gives the same archive content', async () => {
    const whole = await exportToFile(s.storeA.id, 'whole');
    const paged = await exportToFile(s.storeA.id, 'paged', { pageSize: 2 });
    expect(paged.manifest.rowCounts).toEqual(whole.manifest.rowCounts);
    for (const table of whole.manifest.tenantTables) expect(paged.files.get(`${table}.json`), table).toBe(whole.files.get(`${table}.json`));
  });

  it('never exports secrets: withheld columns are null and no secret value is anywhere in the archive', async () => {
    const { manifest, files, path } = await exportToFile(s.storeA.id, 'secrets');
    const bytes = (await readFile(path)).toString('latin1');
    const everything = [...files.values()].join('\n');
    expect(everything).not.toMatch(/SECRET-/);
    expect(bytes).not.toMatch(/SECRET-/);
    for (const [table, columns] of Object.entries(REDACTED_COLUMNS)) {
      for (const row of rowsOf(files.get(`${table}.json`)!)) for (const c of columns) expect(row[c], `${table}.${c}`).toBeNull();
    }
    expect(Object.keys(rowsOf(files.get('users.json')!)[0]!).sort()).toEqual([...PLATFORM_COLUMNS.users].sort());
    expect(Object.keys(rowsOf(files.get('tenant.json')!)[0]!)).not.toContain('database_url_enc');
    expect(Object.keys(rowsOf(files.get('domains.json')!)[0]!)).not.toContain('verification_token');
    expect(manifest.redacted).toMatchObject({ payment_settings: ['stripe_secret_key_enc', 'stripe_webhook_secret_enc'], users: expect.arrayContaining(['password_hash', 'totp_secret_enc']) });
  });

  it('has decided on every secret-looking column of every tenant table (redacted or kept on purpose)', async () => {
    const columns = await h.owner.$queryRaw<{ t: string; c: string }[]>`
      SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`;
    const tenantTables = new Set(await databaseTenantTables());
    const undecided = columns
      .filter((r) => tenantTables.has(r.t) && SECRET_LOOKING_COLUMN.test(r.c))
      .filter((r) => !REDACTED_COLUMNS[r.t]?.includes(r.c) && !NOT_SECRET_COLUMNS[r.t]?.includes(r.c))
      .map((r) => `${r.t}.${r.c}`);
    expect(undecided).toEqual([]);
  });

  it('records the schema version (the last migration applied) and when it was made', async () => {
    const { manifest } = await exportToFile(s.storeA.id, 'manifest');
    const migrations = await readMigrations();
    expect(manifest).toMatchObject({ tenantId: s.storeA.id, tenantSlug: s.storeA.slug, schemaVersion: migrations.at(-1)!.name });
    expect(Date.now() - Date.parse(manifest.createdAt)).toBeLessThan(60_000);
  });
});

describe('data exports: request, job, download, expiry', () => {
  it('lets only owners and admins ask, one export at a time, audited and queued after commit', async () => {
    const staff = await h.createUser('staff');
    await h.addMember(s.storeA.id, staff, 'STAFF', ['catalog', 'settings', 'orders', 'support', 'billing']);
    await expectTRPCError(h.caller(staff, { tenantId: s.storeA.id }).dataExport.request(), 'FORBIDDEN', /data:export/);
    await expectTRPCError(h.caller(staff, { tenantId: s.storeA.id }).dataExport.list(), 'FORBIDDEN');

    const first = await s.asAlice().dataExport.request();
    expect(first).toMatchObject({ status: 'QUEUED', downloadPath: null, expired: false });
    await expectTRPCError(s.asAlice().dataExport.request(), 'CONFLICT', /already being prepared/);
    const jobs = await h.owner.outboxJob.findMany({ where: { tenantId: s.storeA.id, name: 'data.export' } });
    expect(jobs.map((j) => j.payload)).toEqual([{ tenantId: s.storeA.id, exportId: first.id }]);
    expect((await h.auditRows(s.storeA.id, 'data.export.requested')).map((r) => r.targetId)).toEqual([first.id]);

    // The worker's part: progress, the archive in storage, DONE with its 7 days.
    const result = await runDataExport(h.db, storage, { tenantId: s.storeA.id, exportId: first.id });
    expect(result.status).toBe('DONE');
    const done = await s.asAlice().dataExport.get({ id: first.id });
    expect(done.status).toBe('DONE');
    expect(done.progress.done).toBe(done.progress.total);
    expect(done.progress.total).toBeGreaterThan(30);
    expect(done.sizeBytes).toBeGreaterThan(1000);
    expect(done.expiresAt!.getTime() - done.finishedAt!.getTime()).toBe(7 * 86_400_000);
    expect(done.downloadPath).toBe(`/api/exports/${first.id}`);
    const key = (await h.owner.dataExport.findUniqueOrThrow({ where: { id: first.id } })).storageKey!;
    expect(key).toMatch(new RegExp(`^tenants/${s.storeA.id}/exports/[0-9a-f-]{36}\\.zip$`));
    expect((await storage.get(key))!.body.subarray(0, 2).toString()).toBe('PK');
    // A retried job finds it finished and does nothing.
    expect(await runDataExport(h.db, storage, { tenantId: s.storeA.id, exportId: first.id })).toEqual({ status: 'DONE' });
    // The next export may be asked for once this one is done.
    const second = await s.asAlice().dataExport.request();
    await runDataExport(h.db, storage, { tenantId: s.storeA.id, exportId: second.id });
  });

  it('shows progress while running', async () => {
    const request = await s.asBob().dataExport.request();
    const progress: { done: number; total: number }[] = [];
    const tdb = await h.db.forTenant(s.storeB.id);
    // Progress as the job writes it, read back from the row the page polls.
    await exportTenant(h.db, s.storeB.id, createWriteStream(join(dir, 'progress.zip')), {
      pageSize: 2,
      onProgress: async (p) => {
        await tdb.dataExport.update({ where: { id: request.id }, data: { progressDone: p.done, progressTotal: p.total } });
        const seen = await s.asBob().dataExport.get({ id: request.id });
        progress.push(seen.progress);
      },
    });
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.every((p, i) => i === 0 || p.done >= progress[i - 1]!.done)).toBe(true);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    await runDataExport(h.db, storage, { tenantId: s.storeB.id, exportId: request.id });
  });

  it('records a failure on the last attempt and throws before it (so the job is retried)', async () => {
    const broken = { ...storage, put: () => Promise.reject(new Error('bucket unavailable')), delete: () => Promise.resolve(), get: storage.get.bind(storage), publicUrl: storage.publicUrl.bind(storage) };
    const request = await s.asBob().dataExport.request();
    await expect(runDataExport(h.db, broken, { tenantId: s.storeB.id, exportId: request.id })).rejects.toThrow('bucket unavailable');
    expect((await s.asBob().dataExport.get({ id: request.id })).status).toBe('RUNNING');
    expect(await runDataExport(h.db, broken, { tenantId: s.storeB.id, exportId: request.id }, { lastAttempt: true })).toEqual({ status: 'FAILED' });
    expect(await s.asBob().dataExport.get({ id: request.id })).toMatchObject({ status: 'FAILED', error: expect.stringContaining('bucket unavailable') });
  });

  it('downloads only for a member of the export’s store with the data:export permission', async () => {
    const [latest] = await s.asAlice().dataExport.list();
    expect(latest!.status).toBe('DONE');
    const ok = await downloadDataExport(s.asAlice(), h.db, storage, latest!.id);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/zip');
    expect(ok.headers.get('content-disposition')).toMatch(/^attachment; filename="store-export-/);
    expect(Buffer.from(await ok.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');

    // Store B's admin, in store B: store A's export does not exist there.
    const fromB = await downloadDataExport(s.asBob(), h.db, storage, latest!.id);
    expect(fromB.status).toBe(404);
    expect(await fromB.text()).toBe('This export does not exist in your store.');
    // Store B's admin naming store A as the active store: not a member.
    const intoA = await downloadDataExport(h.caller(s.bob, { tenantId: s.storeA.id }), h.db, storage, latest!.id);
    expect(intoA.status).toBe(403);
    // Staff of store A without the permission.
    const staff = await h.createUser('staff-dl');
    await h.addMember(s.storeA.id, staff, 'STAFF', ['catalog']);
    expect((await downloadDataExport(h.caller(staff, { tenantId: s.storeA.id }), h.db, storage, latest!.id)).status).toBe(403);
    // Signed out.
    expect((await downloadDataExport(h.caller(null, { tenantId: s.storeA.id }), h.db, storage, latest!.id)).status).toBe(401);
    // Store B's lists never show store A's exports.
    expect((await s.asBob().dataExport.list()).map((e) => e.tenantId)).not.toContain(s.storeA.id);
    await expectTRPCError(s.asBob().dataExport.get({ id: latest!.id }), 'NOT_FOUND');
    // Nor can store B's admin ask for an export of store A.
    await expectTRPCError(h.caller(s.bob, { tenantId: s.storeA.id }).dataExport.request(), 'FORBIDDEN');
    await expectTRPCError(h.caller(s.bob, { tenantId: s.storeA.id }).dataExport.list(), 'FORBIDDEN');
  });

  it('refuses a download after 7 days with a 410 sentence, and the scheduled job deletes expired archives', async () => {
    const [latest] = await s.asAlice().dataExport.list();
    const key = (await h.owner.dataExport.findUniqueOrThrow({ where: { id: latest!.id } })).storageKey!;
    const later = new Date(latest!.expiresAt!.getTime() + 1000);
    const gone = await downloadDataExport(s.asAlice(), h.db, storage, latest!.id, later);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toBe(EXPIRED_SENTENCE);

    // Nothing has expired yet at the real time.
    expect(await deleteExpiredExports(h.db, storage)).toEqual({ deleted: 0 });
    const swept = await deleteExpiredExports(h.db, storage, new Date(Date.now() + 8 * 86_400_000));
    expect(swept.deleted).toBeGreaterThanOrEqual(2);
    expect(await storage.get(key)).toBeNull();
    const after = await s.asAlice().dataExport.get({ id: latest!.id });
    expect(after).toMatchObject({ status: 'DONE', expired: true, downloadPath: null });
    expect((await downloadDataExport(s.asAlice(), h.db, storage, latest!.id)).status).toBe(410);
  });
});

describe('importTenant', () => {
  it('restores an export as a new store: same row counts, same storefront, ids re-keyed consistently', async () => {
    const { path, manifest } = await exportToFile(s.storeA.id, 'roundtrip');
    const result = await importTenant(h.db, path, { slug: 'dx-copy', platformDomain: 'vitrine.test', requestId: 'test-import' });
    expect(result).toMatchObject({ slug: 'dx-copy', hostname: 'dx-copy.vitrine.test', sameIds: false, createdUsers: [] });
    expect(result.tenantId).not.toBe(s.storeA.id);
    expect(result.skipped.map((t) => t.table).sort()).toEqual(['ml_tokens', 'payment_settings']);
    // A withheld invitation token comes back as a new one: the invitation is kept, its old link no longer works.
    const [invitation] = await (await h.db.forTenant(result.tenantId)).invitation.findMany();
    expect(invitation!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    for (const table of manifest.tenantTables) {
      if (result.skipped.some((t) => t.table === table)) continue;
      expect(result.rowCounts[table], table).toBe(manifest.rowCounts[table]);
    }
    // The original is untouched and the copy's rows are its own.
    const copy = await h.db.forTenant(result.tenantId);
    const copiedProducts = await copy.product.findMany({ include: { variants: true, category: true }, orderBy: { slug: 'asc' } });
    expect(copiedProducts.every((p) => p.tenantId === result.tenantId && !p.id.endsWith('_a'))).toBe(true);
    expect(copiedProducts.map((p) => p.category?.slug)).toEqual(['tees', 'tees', 'tees']);
    const tees = await copy.category.findFirstOrThrow({ where: { slug: 'tees' } });
    expect((await copy.category.findFirstOrThrow({ where: { id: tees.parentId! } })).slug).toBe('shirts');
    const members = async (tenantId: string) => (await (await h.db.forTenant(tenantId)).membership.findMany()).map((m) => `${m.userId}:${m.role}`).sort();
    expect(await members(result.tenantId)).toEqual(await members(s.storeA.id));
    // The storefront of the copy shows the same products as the original's.
    const original = await h.caller(null, { host: s.storeA.hostname }).storefront.products({});
    const restored = await h.caller(null, { host: result.hostname }).storefront.products({});
    // (Products created in the same instant are ordered by id, which the copy re-keyed: compare by address.)
    const summary = (page: typeof original) =>
      page.items.map((p) => ({ title: p.title, slug: p.slug, priceMin: p.priceMin, totalStock: p.totalStock, image: p.image })).sort((x, y) => x.slug.localeCompare(y.slug));
    expect(summary(restored)).toEqual(summary(original));
    expect(summary(restored)).toHaveLength(3);
    // Importing the same archive again: the address is taken.
    await expect(importTenant(h.db, path, { slug: 'dx-copy', platformDomain: 'vitrine.test' })).rejects.toThrow(/already taken/);
  });

  it('refuses an archive made at another schema version, writing nothing', async () => {
    const { files } = await exportToFile(s.storeB.id, 'old-version');
    const zip = new yazl.ZipFile();
    for (const [name, text] of files) {
      const body = name === 'manifest.json' ? JSON.stringify({ ...JSON.parse(text), schemaVersion: '20200101000000_old' }) : text;
      zip.addBuffer(Buffer.from(body), name);
    }
    zip.end();
    const path = join(dir, 'old.zip');
    await new Promise<void>((resolve, reject) => zip.outputStream.pipe(createWriteStream(path)).on('close', resolve).on('error', reject));
    const error = await importTenant(h.db, path, { slug: 'dx-old', platformDomain: 'vitrine.test' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefusedError);
    expect((error as Error).message).toMatch(/schema version 20200101000000_old/);
    expect(await h.owner.tenant.findUnique({ where: { slug: 'dx-old' } })).toBeNull();
  });

  it('refuses a file that is not an export', async () => {
    const path = join(dir, 'not-a-zip.zip');
    await import('node:fs/promises').then((fs) => fs.writeFile(path, 'hello'));
    await expect(importTenant(h.db, path, { platformDomain: 'vitrine.test' })).rejects.toThrow(ImportRefusedError);
  });
});
