import { runSync, scheduleSyncs, type RunSyncResult } from '@vitrine/mercadolivre/sync';
import { ML_MODULE_OFF, mlModuleOn, requireMl } from '../../mercadolivre/context.ts';
import type { JobProcessor } from '../types.ts';

/**
 * Runs or resumes one sync run; its cursor in Postgres says where. A store whose module was switched off
 * after the run was queued gets its run ended as FAILED with the reason, without a call to ML and without a
 * retry; a job still running it sees the status change at its next page and stops.
 */
export const runMlSync: JobProcessor<'mercadolivre', 'sync.run'> = async ({ tenantId, runId }, ctx) => {
  const tenantDb = await ctx.db.forTenant(tenantId);
  if (!(await mlModuleOn(ctx.db, tenantId))) {
    const ended = await tenantDb.mlSyncRun.updateMany({
      where: { id: runId, status: { in: ['QUEUED', 'RUNNING'] } },
      data: { status: 'FAILED', error: ML_MODULE_OFF, finishedAt: new Date(), heartbeatAt: new Date() },
    });
    const result: RunSyncResult = { outcome: 'skipped', reason: ended.count === 1 ? ML_MODULE_OFF : 'the run is finished or does not exist' };
    ctx.log.info({ runId, tenantId, ...result }, 'mercado livre sync run skipped');
    return result;
  }
  const ml = requireMl(ctx);
  const result = await runSync({
    tenantDb,
    runId,
    clientFor: (account) => ml.clientFor(tenantDb, account),
    lastAttempt: ctx.attempt >= ctx.maxAttempts,
  });
  ctx.log.info({ runId, ...result }, 'mercado livre sync run');
  return result;
};

/** Every 30 minutes: incremental runs for every active account, and new jobs for stalled runs; stores with the module off are skipped. */
export const scheduleMlSyncs: JobProcessor<'mercadolivre', 'sync.schedule'> = async (_payload, ctx) => {
  const result = await scheduleSyncs(ctx.db, Date.now(), { storeAllowed: (tenantId) => mlModuleOn(ctx.db, tenantId) });
  ctx.log.info(result, 'mercado livre syncs scheduled');
  return result;
};
