import type { QueueName } from '@vitrine/queue';
import { pruneOutbox } from './outbox-prune.ts';
import { cleanupSessions } from './sessions-cleanup.ts';
import type { Processors, Schedule } from './types.ts';

/** Every job kind the worker runs, by queue; the keys are @vitrine/queue's JOBS. */
export const processors: Processors = {
  maintenance: {
    'sessions.cleanup': cleanupSessions,
    'outbox.prune': pruneOutbox,
  },
};

/** Jobs a worker process runs at once, per queue. Maintenance jobs are bulk deletes: one at a time. */
export const concurrency: Record<QueueName, number> = {
  maintenance: 1,
};

/** Repeating jobs (UTC), registered at start-up. */
export const schedules: Schedule[] = [
  { queue: 'maintenance', id: 'sessions-cleanup-daily', name: 'sessions.cleanup', pattern: '17 3 * * *', payload: {} },
  { queue: 'maintenance', id: 'outbox-prune-daily', name: 'outbox.prune', pattern: '47 3 * * *', payload: { olderThanDays: 7 } },
];

export type { JobContext, JobProcessor, Processors, ProcessorRegistry, Schedule } from './types.ts';
