import type { QueueName } from '@vitrine/queue';
import { pruneOutbox } from './outbox-prune.ts';
import { cleanupSessions } from './sessions-cleanup.ts';
import { sendMlAnswer } from './mercadolivre/answer.ts';
import { pruneMlNotifications, reconcileMlFeeds, refreshMlTokens } from './mercadolivre/maintenance.ts';
import { processMlNotification } from './mercadolivre/notification.ts';
import { runMlSync, scheduleMlSyncs } from './mercadolivre/sync.ts';
import type { Processors, Schedule } from './types.ts';

/** Every job kind the worker runs, by queue; the keys are @vitrine/queue's JOBS. */
export const processors: Processors = {
  maintenance: {
    'sessions.cleanup': cleanupSessions,
    'outbox.prune': pruneOutbox,
  },
  mercadolivre: {
    'sync.run': runMlSync,
    'sync.schedule': scheduleMlSyncs,
    'notification.process': processMlNotification,
    'answer.send': sendMlAnswer,
    'tokens.refresh-due': refreshMlTokens,
    'feeds.reconcile': reconcileMlFeeds,
    'notifications.prune': pruneMlNotifications,
  },
};

/**
 * Jobs a worker process runs at once, per queue. Maintenance jobs are bulk deletes: one at a time.
 * ML jobs mostly wait on ML (the shared rate budget in Redis paces them), so several run at once.
 */
export const concurrency: Record<QueueName, number> = {
  maintenance: 1,
  mercadolivre: 8,
};

/** Repeating jobs (UTC), registered at start-up. */
export const schedules: Schedule[] = [
  { queue: 'maintenance', id: 'sessions-cleanup-daily', name: 'sessions.cleanup', pattern: '17 3 * * *', payload: {} },
  { queue: 'maintenance', id: 'outbox-prune-daily', name: 'outbox.prune', pattern: '47 3 * * *', payload: { olderThanDays: 7 } },
  { queue: 'mercadolivre', id: 'ml-sync-every-30-min', name: 'sync.schedule', pattern: '*/30 * * * *', payload: {} },
  { queue: 'mercadolivre', id: 'ml-tokens-every-10-min', name: 'tokens.refresh-due', pattern: '*/10 * * * *', payload: { aheadMinutes: 30 } },
  { queue: 'mercadolivre', id: 'ml-feeds-daily', name: 'feeds.reconcile', pattern: '23 4 * * *', payload: {} },
  { queue: 'mercadolivre', id: 'ml-notifications-prune-daily', name: 'notifications.prune', pattern: '53 3 * * *', payload: { olderThanDays: 30 } },
];

export type { JobContext, JobProcessor, Processors, ProcessorRegistry, Schedule } from './types.ts';
