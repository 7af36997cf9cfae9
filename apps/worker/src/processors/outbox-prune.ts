import type { JobProcessor } from './types.ts';

/** Deletes outbox rows relayed more than `olderThanDays` ago; pending rows are never touched. */
export const pruneOutbox: JobProcessor<'maintenance', 'outbox.prune'> = async ({ olderThanDays }, { db, log }) => {
  const before = new Date(Date.now() - olderThanDays * 86_400_000);
  const { count } = await db.platform.outboxJob.deleteMany({ where: { relayedAt: { lt: before } } });
  log.info({ count, olderThanDays }, 'relayed outbox rows pruned');
  return { deleted: count };
};
