import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@vitrine/core/logger';
import { createDatabase, type Database } from '@vitrine/db';
import { createTestDatabase, testKeyRing, type TestDatabase } from '@vitrine/db/testing';
import { LocalDiskStorage } from '@vitrine/media/storage';
import { processors, schedules } from '../index.ts';
import type { JobContext } from '../types.ts';

let t: TestDatabase;
let db: Database;
let dir: string;
let storage: LocalDiskStorage;
const tenantId = 'tenant_export_job';

const ctx = (attempt = 1, withStorage = true): JobContext => ({
  db, log: createLogger('exports-test', 'silent'), jobId: 'test', attempt, maxAttempts: 3, ...(withStorage ? { storage } : {}),
});

beforeAll(async () => {
  t = await createTestDatabase('worker_exports');
  db = createDatabase({ appDatabaseUrl: t.appUrl, keyRing: testKeyRing() });
  dir = await mkdtemp(join(tmpdir(), 'vitrine-export-job-'));
  storage = new LocalDiskStorage({ root: dir, publicBaseUrl: '/media' });
  await db.platform.tenant.create({ data: { id: tenantId, slug: 'export-job', name: 'Export job' } });
  const tdb = await db.forTenant(tenantId);
  await tdb.category.create({ data: { tenantId, name: 'Shirts', slug: 'shirts' } });
});

afterAll(async () => {
  await db?.disconnect();
  await t?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('exports/data.export and exports/data.exports.expire', () => {
  it('builds the archive into storage, and deletes it once its 7 days are over', async () => {
    const tdb = await db.forTenant(tenantId);
    const row = await tdb.dataExport.create({ data: { tenantId, status: 'QUEUED' } });
    const result = await processors.exports['data.export']({ tenantId, exportId: row.id }, ctx());
    expect(result).toMatchObject({ status: 'DONE' });
    const done = await tdb.dataExport.findUniqueOrThrow({ where: { id: row.id } });
    expect(done).toMatchObject({ status: 'DONE', progressDone: done.progressTotal });
    expect(await storage.get(done.storageKey!)).not.toBeNull();

    // Nothing is due yet.
    expect(await processors.exports['data.exports.expire']({}, ctx())).toEqual({ deleted: 0 });
    await tdb.dataExport.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await processors.exports['data.exports.expire']({}, ctx())).toEqual({ deleted: 1 });
    expect(await storage.get(done.storageKey!)).toBeNull();
    expect((await tdb.dataExport.findUniqueOrThrow({ where: { id: row.id } })).storageKey).toBeNull();
  });

  it('says so when the worker has no file storage', async () => {
    await expect(processors.exports['data.exports.expire']({}, ctx(1, false))).rejects.toThrow(/File storage is not configured/);
  });

  it('runs the expiry every day', () => {
    expect(schedules.find((s) => s.name === 'data.exports.expire')).toMatchObject({ queue: 'exports', pattern: '37 4 * * *' });
  });
});
