import { processNotification, type NotificationOutcome } from '@vitrine/mercadolivre/sync';
import type { TenantClient } from '@vitrine/db';
import { ML_MODULE_OFF, mlModuleOn, requireMl } from '../../mercadolivre/context.ts';
import type { JobProcessor } from '../types.ts';

/**
 * Reads the resource a received notification points at and updates our copy; the last failure dead-letters it.
 * With the store's module off it is IGNORED with the reason, as notifications of a disconnected account are.
 */
export const processMlNotification: JobProcessor<'mercadolivre', 'notification.process'> = async ({ tenantId, notificationId }, ctx) => {
  const tenantDb = await ctx.db.forTenant(tenantId);
  if (!(await mlModuleOn(ctx.db, tenantId))) {
    const result = await ignore(tenantDb, notificationId, ML_MODULE_OFF);
    ctx.log.info({ notificationId, tenantId, ...result }, 'mercado livre notification not applied');
    return result;
  }
  const ml = requireMl(ctx);
  const result = await processNotification({
    tenantDb,
    notificationId,
    clientFor: (account) => ml.clientFor(tenantDb, account),
    lastAttempt: ctx.attempt >= ctx.maxAttempts,
  });
  if (result.outcome === 'dead') ctx.log.warn({ notificationId, reason: result.reason }, 'mercado livre notification dead-lettered');
  return result;
};

/** Marks a still-received notification IGNORED with the reason in lastError (what processNotification does for an inactive account). */
async function ignore(tenantDb: TenantClient, notificationId: string, reason: string): Promise<NotificationOutcome> {
  const { count } = await tenantDb.mlNotification.updateMany({
    where: { id: notificationId, status: 'RECEIVED' },
    data: { status: 'IGNORED', attempts: { increment: 1 }, lastError: reason, processedAt: new Date() },
  });
  return count === 1 ? { outcome: 'ignored', reason } : { outcome: 'skipped', reason: 'already handled' };
}
