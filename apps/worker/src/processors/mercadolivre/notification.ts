import { processNotification } from '@vitrine/mercadolivre/sync';
import { ML_MODULE_OFF, mlModuleOn, requireMl } from '../../mercadolivre/context.ts';
import type { JobProcessor } from '../types.ts';

/**
 * Reads the resource a received notification points at and updates our copy; the last failure dead-letters it.
 * With the store's module off it is IGNORED with the reason, as notifications of a disconnected account are.
 */
export const processMlNotification: JobProcessor<'mercadolivre', 'notification.process'> = async ({ tenantId, notificationId }, ctx) => {
  const tenantDb = await ctx.db.forTenant(tenantId);
  const refused = (await mlModuleOn(ctx.db, tenantId)) ? null : ML_MODULE_OFF;
  // A refused notification is settled without ML; any other needs the ML services configured.
  const ml = refused ? null : requireMl(ctx);
  const result = await processNotification({
    tenantDb,
    notificationId,
    clientFor: (account) => ml!.clientFor(tenantDb, account),
    lastAttempt: ctx.attempt >= ctx.maxAttempts,
    refused,
  });
  if (result.outcome === 'dead') ctx.log.warn({ notificationId, reason: result.reason }, 'mercado livre notification dead-lettered');
  if (refused && result.outcome === 'ignored') ctx.log.info({ notificationId, tenantId, reason: refused }, 'mercado livre notification not applied');
  return result;
};
