import { pruneNotifications, reconcileMissedFeeds, refreshDueTokens } from '@vitrine/mercadolivre/sync';
import { mlModuleOn, requireMl } from '../../mercadolivre/context.ts';
import type { JobProcessor } from '../types.ts';

/**
 * Refreshes access tokens before they expire, so sellers' requests never wait on a refresh. Stores with the
 * module off are skipped (counted): their tokens are refreshed on first use once it is on again.
 */
export const refreshMlTokens: JobProcessor<'mercadolivre', 'tokens.refresh-due'> = async ({ aheadMinutes }, ctx) => {
  const result = await refreshDueTokens(ctx.db, requireMl(ctx), aheadMinutes, Date.now(), { storeAllowed: (tenantId) => mlModuleOn(ctx.db, tenantId) });
  ctx.log.info(result, 'mercado livre tokens refreshed');
  return result;
};

/** Deletes handled notifications older than the given days (dead letters stay). */
export const pruneMlNotifications: JobProcessor<'mercadolivre', 'notifications.prune'> = async ({ olderThanDays }, ctx) => {
  const deleted = await pruneNotifications(ctx.db, olderThanDays);
  ctx.log.info({ deleted }, 'mercado livre notifications pruned');
  return { deleted };
};

/**
 * Daily: notifications ML could not deliver, stored as if they had arrived (the feed is the application's,
 * not a store's). One for a store with the module off is stored like a webhook's and then IGNORED, with the
 * reason, by notification.process.
 */
export const reconcileMlFeeds: JobProcessor<'mercadolivre', 'feeds.reconcile'> = async (_payload, ctx) => {
  const result = await reconcileMissedFeeds(ctx.db, requireMl(ctx), { storeAllowed: (tenantId) => mlModuleOn(ctx.db, tenantId) });
  ctx.log.info(result, 'mercado livre missed feeds reconciled');
  return result;
};
