import { pruneNotifications, reconcileMissedFeeds, refreshDueTokens } from '@vitrine/mercadolivre/sync';
import { requireMl } from '../../mercadolivre/context.ts';
import type { JobProcessor } from '../types.ts';

/** Refreshes access tokens before they expire, so sellers' requests never wait on a refresh. */
export const refreshMlTokens: JobProcessor<'mercadolivre', 'tokens.refresh-due'> = async ({ aheadMinutes }, ctx) => {
  const result = await refreshDueTokens(ctx.db, requireMl(ctx), aheadMinutes);
  ctx.log.info(result, 'mercado livre tokens refreshed');
  return result;
};

/** Deletes handled notifications older than the given days (dead letters stay). */
export const pruneMlNotifications: JobProcessor<'mercadolivre', 'notifications.prune'> = async ({ olderThanDays }, ctx) => {
  const deleted = await pruneNotifications(ctx.db, olderThanDays);
  ctx.log.info({ deleted }, 'mercado livre notifications pruned');
  return { deleted };
};

/** Daily: notifications ML could not deliver, stored as if they had arrived. */
export const reconcileMlFeeds: JobProcessor<'mercadolivre', 'feeds.reconcile'> = async (_payload, ctx) => {
  const result = await reconcileMissedFeeds(ctx.db, requireMl(ctx));
  ctx.log.info(result, 'mercado livre missed feeds reconciled');
  return result;
};
