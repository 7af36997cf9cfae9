import { z } from 'zod';

/**
 * Every queue and job kind, with the payload each job carries. Producers (API code writing outbox rows)
 * and the worker import the same definitions, so a payload is checked on both sides.
 * Later issues add kinds here (emails, Mercado Livre sync, Stripe webhooks); the worker's processor
 * registry is typed from this table, so a kind without a processor does not compile.
 */
export const JOBS = {
  maintenance: {
    /** Deletes expired sign-in sessions and verification tokens. */
    'sessions.cleanup': z.object({}),
    /** Deletes outbox rows relayed longer ago than `olderThanDays`; pending rows are never touched. */
    'outbox.prune': z.object({ olderThanDays: z.number().int().min(1).max(365).default(7) }),
  },
  email: {
    /**
     * Sends one email through the SMTP server (a local catcher in tests and the demo). Written to the outbox in
     * the transaction that decides it (sign-up, invitation, order…), so it is sent once the change commits.
     * `kind` names what it is for (auth.verify-email, team.invitation…) for logs and the catcher's inbox.
     */
    'email.send': z.object({
      to: z.string().email(),
      subject: z.string().min(1).max(200),
      text: z.string().min(1),
      html: z.string().optional(),
      kind: z.string().min(1).max(60),
      tenantId: z.string().min(1).optional(),
      replyTo: z.string().email().optional(),
    }),
  },
  whatsapp: {
    /**
     * Sends one WhatsApp message (a buyer's order notice) through the configured provider (a local sink in tests and
     * the demo). Written to the outbox with the change it announces, like email.send.
     */
    'whatsapp.send': z.object({
      to: z.string().regex(/^\+[1-9][0-9]{7,14}$/, 'a phone number in E.164 (+5511999990000)'),
      text: z.string().min(1).max(4096),
      kind: z.string().min(1).max(60),
      tenantId: z.string().min(1).optional(),
    }),
  },
  catalog: {
    /** Commits one checked product_imports row: every row of the file in one transaction, or none. */
    'products.import': z.object({ tenantId: z.string().min(1), importId: z.string().min(1) }),
  },
  exports: {
    /** Builds one data_exports row's archive (every row the store owns) and stores it for 7 days. */
    'data.export': z.object({ tenantId: z.string().min(1), exportId: z.string().min(1) }),
    /** Deletes the archives of exports whose 7 days are over (the rows stay, marked expired). */
    'data.exports.expire': z.object({}),
  },
  mercadolivre: {
    /** Runs (or resumes) one ml_sync_runs row: its cursor and progress live in the row. */
    'sync.run': z.object({ tenantId: z.string().min(1), runId: z.string().min(1) }),
    /** Every 30 minutes: an incremental run per resource for every active account (joining running ones). */
    'sync.schedule': z.object({}),
    /** Fetches the resource a stored ml_notifications row points at and updates our copy. */
    'notification.process': z.object({ tenantId: z.string().min(1), notificationId: z.string().min(1) }),
    /** Posts one ml_answers row to ML; the row's status makes a retried job a no-op once sent. */
    'answer.send': z.object({ tenantId: z.string().min(1), answerId: z.string().min(1) }),
    /** Refreshes tokens that expire within `aheadMinutes`, one account at a time (serialized per account). */
    'tokens.refresh-due': z.object({ aheadMinutes: z.number().int().min(1).max(360).default(30) }),
    /** Daily: reads ML's missed feeds and stores what we never received. */
    'feeds.reconcile': z.object({}),
    /** Deletes processed notifications older than `olderThanDays` (dead-lettered ones are kept). */
    'notifications.prune': z.object({ olderThanDays: z.number().int().min(1).max(365).default(30) }),
  },
  payments: {
    /**
     * Processes one stored webhook_events row (a verified Stripe event): runs the handler for its type and
     * marks the row processed in the same transaction. Written to the outbox by the webhook intake, in the
     * transaction that stores the event, with jobId `stripe-evt-<event id>`.
     */
    'stripe.event': z.object({ webhookEventId: z.string().min(1) }),
    /** Every 15 minutes: stores PAST_DUE whose billing grace period ended unpaid become RESTRICTED (admin read-only). */
    'billing.grace-expire': z.object({}),
    /**
     * An unpaid order's hold ended (UNPAID_ORDER_HOLD_MINUTES after it was placed): cancelled and its stock and
     * coupon use given back, unless Stripe says it was paid or its payment page is still open (then it looks again
     * when that page closes). Written to the outbox by placeOrder, due at the end of the hold.
     */
    'orders.expire-unpaid': z.object({ tenantId: z.string().min(1), orderId: z.string().min(1) }),
  },
} as const;

type Jobs = typeof JOBS;
export type QueueName = keyof Jobs;
export type JobName<Q extends QueueName> = keyof Jobs[Q] & string;
type JobSchema<Q extends QueueName, N extends JobName<Q>> = Jobs[Q][N] extends z.ZodType ? Jobs[Q][N] : never;
/** What a producer passes (defaults may be omitted). */
export type JobPayload<Q extends QueueName, N extends JobName<Q>> = z.input<JobSchema<Q, N>>;
/** What a processor receives (defaults filled in). */
export type JobData<Q extends QueueName, N extends JobName<Q>> = z.output<JobSchema<Q, N>>;

export const QUEUE_NAMES = Object.keys(JOBS) as QueueName[];

export class UnknownJobError extends Error {
  override name = 'UnknownJobError';
}

/** The schema for a queue's job kind, or an UnknownJobError naming what is unknown. */
export function jobSchema(queue: string, name: string): z.ZodType {
  const kinds = (JOBS as Record<string, Record<string, z.ZodType>>)[queue];
  if (!kinds) throw new UnknownJobError(`Unknown queue "${queue}".`);
  const schema = kinds[name];
  if (!schema) throw new UnknownJobError(`Unknown job "${name}" on queue "${queue}".`);
  return schema;
}

/** BullMQ refuses ':' in custom job ids and treats integer-like ids specially; keep ids to a safe alphabet. */
export function safeJobId(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^\d+$/.test(safe) ? `id-${safe}` : safe;
}

/** BullMQ key prefix of every Vitrine queue (tests use their own). */
export const QUEUE_PREFIX = 'vitrine';
