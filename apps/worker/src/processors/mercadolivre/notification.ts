import { processNotification } from '@vitrine/mercadolivre/sync';
import { requireMl } from '../../mercadolivre/context.ts';
import type { JobProcessor } from '../types.ts';

/** Reads the resource a received notification points at and updates our copy; the last failure dead-letters it. */
export const processMlNotification: JobProcessor<'mercadolivre', 'notification.process'> = async ({ tenantId, notificationId }, ctx) => {
  const ml = requireMl(ctx);
  const tenantDb = await ctx.db.forTenant(tenantId);
  const result = await processNotification({
    tenantDb,
    notificationId,
    clientFor: (account) => ml.clientFor(tenantDb, account),
    lastAttempt: ctx.attempt >= ctx.maxAttempts,
  });
  if (result.outcome === 'dead') ctx.log.warn({ notificationId, reason: result.reason }, 'mercado livre notification dead-lettered');
  return result;
};
