import type { QueueName } from '@vitrine/queue';
import { pruneOutbox } from './outbox-prune.ts';
import { cleanupSessions } from './sessions-cleanup.ts';
import { sendEmail } from './email/send.ts';
import { sendWhatsApp } from './notifications/whatsapp.ts';
import { importProducts } from './catalog/products-import.ts';
import { buildDataExport, expireDataExports } from './exports/data-export.ts';
import { sendMlAnswer } from './mercadolivre/answer.ts';
import { pruneMlNotifications, reconcileMlFeeds, refreshMlTokens } from './mercadolivre/maintenance.ts';
import { processMlNotification } from './mercadolivre/notification.ts';
import { runMlSync, scheduleMlSyncs } from './mercadolivre/sync.ts';
import { processStripeEventJob } from './payments/stripe-event.ts';
import { expireBillingGracePeriods } from './payments/billing-grace.ts';
import { expireUnpaidOrder } from './payments/unpaid-orders.ts';
import type { Processors, Schedule } from './types.ts';

/** Every job kind the worker runs, by queue; the keys are @vitrine/queue's JOBS. */
export const processors: Processors = {
  maintenance: {
    'sessions.cleanup': cleanupSessions,
    'outbox.prune': pruneOutbox,
  },
  email: {
    'email.send': sendEmail,
  },
  whatsapp: {
    'whatsapp.send': sendWhatsApp,
  },
  catalog: {
    'products.import': importProducts,
  },
  exports: {
    'data.export': buildDataExport,
    'data.exports.expire': expireDataExports,
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
  payments: {
    'stripe.event': processStripeEventJob,
    'billing.grace-expire': expireBillingGracePeriods,
    'orders.expire-unpaid': expireUnpaidOrder,
  },
};

/**
 * Jobs a worker process runs at once, per queue. Maintenance jobs are bulk deletes: one at a time.
 * ML jobs mostly wait on ML (the shared rate budget in Redis paces them), so several run at once.
 */
export const concurrency: Record<QueueName, number> = {
  maintenance: 1,
  email: 4,
  whatsapp: 2,
  // One import is one long transaction; two at once is plenty.
  catalog: 2,
  // An export reads a whole store page by page and writes one archive: one at a time per process.
  exports: 1,
  mercadolivre: 8,
  // Stripe events are short database transactions; a few at once keep up with bursts.
  payments: 4,
};

/** Repeating jobs (UTC), registered at start-up. */
export const schedules: Schedule[] = [
  { queue: 'maintenance', id: 'sessions-cleanup-daily', name: 'sessions.cleanup', pattern: '17 3 * * *', payload: {} },
  { queue: 'maintenance', id: 'outbox-prune-daily', name: 'outbox.prune', pattern: '47 3 * * *', payload: { olderThanDays: 7 } },
  { queue: 'exports', id: 'data-exports-expire-daily', name: 'data.exports.expire', pattern: '37 4 * * *', payload: {} },
  { queue: 'payments', id: 'billing-grace-every-15-min', name: 'billing.grace-expire', pattern: '*/15 * * * *', payload: {} },
  { queue: 'mercadolivre', id: 'ml-sync-every-30-min', name: 'sync.schedule', pattern: '*/30 * * * *', payload: {} },
  { queue: 'mercadolivre', id: 'ml-tokens-every-10-min', name: 'tokens.refresh-due', pattern: '*/10 * * * *', payload: { aheadMinutes: 30 } },
  { queue: 'mercadolivre', id: 'ml-feeds-daily', name: 'feeds.reconcile', pattern: '23 4 * * *', payload: {} },
  { queue: 'mercadolivre', id: 'ml-notifications-prune-daily', name: 'notifications.prune', pattern: '53 3 * * *', payload: { olderThanDays: 30 } },
];

export type { JobContext, JobProcessor, Processors, ProcessorRegistry, Schedule } from './types.ts';
