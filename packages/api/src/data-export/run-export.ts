import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@vitrine/db';
import type { ObjectStorage } from '@vitrine/media/storage';
import { audit, type AuditActor } from '../audit.ts';
import { exportTenant } from './export-tenant.ts';
import { EXPORT_TTL_MS } from './requests.ts';

/** Progress is written at most this often (each write is a small transaction of its own). */
const PROGRESS_EVERY_MS = 500;

export interface RunExportOptions {
  /** The job's last attempt: a failure is recorded as FAILED instead of being thrown for a retry. */
  lastAttempt?: boolean;
  now?: () => Date;
}

export function exportStorageKey(tenantId: string): string {
  return `tenants/${tenantId}/exports/${randomUUID()}.zip`;
}

/**
 * The worker's part: builds the archive of one QUEUED (or interrupted RUNNING) export into a temporary file,
 * stores it under `tenants/<id>/exports/<uuid>.zip`, and marks the export DONE with its size and expiry (7
 * days) in the same transaction as its audit row. Progress (rows written of rows to write) is updated while
 * it runs. A finished or failed export is left alone, so a retried job does nothing twice.
 */
export async function runDataExport(
  db: Database,
  storage: ObjectStorage,
  input: { tenantId: string; exportId: string },
  options: RunExportOptions = {},
): Promise<{ status: string; rows?: number; sizeBytes?: number }> {
  const now = options.now ?? (() => new Date());
  const tdb = await db.forTenant(input.tenantId);
  const started = await tdb.dataExport.updateMany({
    where: { id: input.exportId, status: { in: ['QUEUED', 'RUNNING'] } },
    data: { status: 'RUNNING', startedAt: now(), progressDone: 0, error: null },
  });
  const row = await tdb.dataExport.findFirst({ where: { id: input.exportId }, select: { status: true, requestedByUserId: true } });
  if (!row) return { status: 'MISSING' };
  if (started.count === 0) return { status: row.status };

  const dir = await mkdtemp(join(tmpdir(), 'vitrine-data-export-'));
  const file = join(dir, 'export.zip');
  const key = exportStorageKey(input.tenantId);
  let lastWrite = 0;
  try {
    const manifest = await exportTenant(db, input.tenantId, createWriteStream(file), {
      onProgress: async ({ done, total }) => {
        if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = Date.now();
        await tdb.dataExport.update({ where: { id: input.exportId }, data: { progressDone: done, progressTotal: total } });
      },
    });
    const sizeBytes = (await stat(file)).size;
    // ObjectStorage takes whole buffers: the compressed archive is held once, while it is stored.
    await storage.put(key, await readFile(file), 'application/zip');
    const rows = Object.entries(manifest.rowCounts)
      .filter(([name]) => manifest.tenantTables.includes(name))
      .reduce((sum, [, n]) => sum + n, 0);
    const finishedAt = now();
    const actor: AuditActor = { requestId: `data-export-${input.exportId}`, ip: null, ...(row.requestedByUserId ? { userId: row.requestedByUserId } : {}) };
    await tdb.$scoped(async (tx) => {
      await tx.dataExport.update({
        where: { id: input.exportId },
        data: {
          status: 'DONE', storageKey: key, sizeBytes, finishedAt, expiresAt: new Date(finishedAt.getTime() + EXPORT_TTL_MS),
          progressDone: rows, progressTotal: rows,
        },
      });
      await audit(tx, actor, {
        tenantId: input.tenantId, action: 'data.export.completed', targetType: 'data_export', targetId: input.exportId,
        data: { rows, sizeBytes, schemaVersion: manifest.schemaVersion },
      });
    });
    return { status: 'DONE', rows, sizeBytes };
  } catch (error) {
    await storage.delete(key).catch(() => {});
    if (!options.lastAttempt) throw error;
    const message = error instanceof Error ? error.message : String(error);
    await tdb.dataExport.update({ where: { id: input.exportId }, data: { status: 'FAILED', finishedAt: now(), error: `The export could not be built: ${message}` } });
    return { status: 'FAILED' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Deletes the archives of every store's exports whose 7 days are over; the rows stay (the page shows them as
 * expired) without their storage key.
 */
export async function deleteExpiredExports(db: Database, storage: ObjectStorage, now = new Date()): Promise<{ deleted: number }> {
  let deleted = 0;
  const tenants = await db.platform.tenant.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  for (const { id } of tenants) {
    const tdb = await db.forTenant(id);
    const expired = await tdb.dataExport.findMany({
      where: { expiresAt: { lte: now }, storageKey: { not: null } },
      select: { id: true, storageKey: true },
    });
    for (const row of expired) {
      await storage.delete(row.storageKey!);
      await tdb.dataExport.update({ where: { id: row.id }, data: { storageKey: null } });
      deleted += 1;
    }
  }
  return { deleted };
}
