import { runSync, scheduleSyncs } from '@vitrine/mercadolivre/sync';
import { requireMl } from '../../mercadolivre/context.ts';
import type { JobProcessor } from '../types.ts';

/** Runs or resumes one sync run; its cursor in Postgres says where. */
export const runMlSync: JobProcessor<'mercadolivre', 'sync.run'> = async ({ tenantId, runId }, ctx) => {
  const ml = requireMl(ctx);
  const tenantDb = await ctx.db.forTenant(tenantId);
  const result = await runSync({
    tenantDb,
    runId,
    clientFor: (account) => ml.clientFor(tenantDb, account),
    lastAttempt: ctx.attempt >= ctx.maxAttempts,
  });
  ctx.log.info({ runId, ...result }, 'mercado livre sync run');
  return result;
};

/** Every 30 minutes: incremental runs for every active account, and new jobs for stalled runs. */
export const scheduleMlSyncs: JobProcessor<'mercadolivre', 'sync.schedule'> = async (_payload, ctx) => {
  const result = await scheduleSyncs(ctx.db);
  ctx.log.info(result, 'mercado livre syncs scheduled');
  return result;
};
