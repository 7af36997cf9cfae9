import { deleteExpiredExports, runDataExport } from '@vitrine/api/data-export';
import type { ObjectStorage } from '@vitrine/media/storage';
import type { JobContext, JobProcessor } from '../types.ts';

function requireStorage(ctx: JobContext): ObjectStorage {
  if (!ctx.storage) throw new Error('File storage is not configured for this worker (STORAGE_DIR); data exports cannot be stored.');
  return ctx.storage;
}

/** Builds one store's "data rights" archive and stores it for 7 days (see @vitrine/api data-export). */
export const buildDataExport: JobProcessor<'exports', 'data.export'> = async ({ tenantId, exportId }, ctx) => {
  const result = await runDataExport(ctx.db, requireStorage(ctx), { tenantId, exportId }, { lastAttempt: ctx.attempt >= ctx.maxAttempts });
  ctx.log.info({ tenantId, exportId, ...result }, 'data export');
  return result;
};

/** Daily: deletes the archives whose 7 days are over. */
export const expireDataExports: JobProcessor<'exports', 'data.exports.expire'> = async (_payload, ctx) => {
  const result = await deleteExpiredExports(ctx.db, requireStorage(ctx));
  ctx.log.info(result, 'expired data exports deleted');
  return result;
};
