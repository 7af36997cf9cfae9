import { z } from 'zod';
import { ANSWER_MAX_LENGTH, ORDER_STATUSES, QUESTION_STATUSES, mlSiteId } from '@vitrine/mercadolivre/schemas';
import { cursorInput } from '../../lib/keyset.ts';
import { idSchema, limitSchema } from '../../lib/schemas.ts';

/** Inputs of the mercadolivre router, each with a sentence a seller understands. */

export const SYNC_RESOURCES = ['ITEMS', 'ORDERS', 'QUESTIONS', 'MESSAGES', 'SHIPMENTS'] as const;

const siteId = z.enum(mlSiteId.options, { message: 'Choose a Mercado Livre country (MLB for Brazil, MLA for Argentina, …)' });
const accountId = idSchema.describe('A Mercado Livre account of this store');
const search = z.string().trim().max(100, 'Search with at most 100 characters').optional();
const day = z.date({ message: 'Use a valid date' });

export const startConnectionInput = z.object({ siteId: siteId.default('MLB') });

export const finishConnectionInput = z.object({
  code: z.string().trim().min(1, 'Mercado Livre sent no authorization code; start the connection again.').max(512, 'This authorization code is not valid'),
  state: z.string().trim().min(1, 'The connection request is missing; start the connection again.').max(256, 'The connection request is not valid; start again.'),
});

export const accountIdInput = z.object({ accountId });

export const startSyncInput = z.object({
  accountId,
  resources: z
    .array(z.enum(SYNC_RESOURCES, { message: 'Choose what to sync: items, orders, questions, messages or shipments' }))
    .min(1, 'Choose at least one thing to sync')
    .max(SYNC_RESOURCES.length)
    .optional(),
  kind: z.enum(['BACKFILL', 'INCREMENTAL'], { message: 'Choose a full (backfill) or incremental sync' }).default('INCREMENTAL'),
});

export const syncProgressInput = z.object({ accountId: accountId.optional() }).default({});

export const ordersInput = z
  .object({
    accountId: accountId.optional(),
    status: z.enum(ORDER_STATUSES, { message: 'Choose an order status from the list' }).optional(),
    from: day.optional(),
    to: day.optional(),
    /** An order number, a buyer's nickname or an item title. */
    q: search,
    cursor: cursorInput,
    limit: limitSchema.default(25),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, { message: 'The start date must come before the end date', path: ['to'] });

export const idInput = z.object({ id: idSchema });

export const questionsInput = z.object({
  accountId: accountId.optional(),
  status: z.enum(QUESTION_STATUSES, { message: 'Choose a question status from the list' }).optional(),
  /** Question text, item id or item title. */
  q: search,
  cursor: cursorInput,
  limit: limitSchema.default(25),
});

export const unansweredQueueInput = z.object({ accountId: accountId.optional(), limit: limitSchema.default(50) }).default({ limit: 50 });

export const answerInput = z.object({
  questionId: idSchema,
  text: z
    .string()
    .trim()
    .min(1, 'Write an answer before sending it')
    .max(ANSWER_MAX_LENGTH, `Mercado Livre accepts answers of at most ${ANSWER_MAX_LENGTH} characters`),
  idempotencyKey: z
    .string()
    .min(8, 'The answer key is too short (8 characters at least)')
    .max(100, 'The answer key is too long (100 characters at most)')
    .regex(/^[A-Za-z0-9_.:-]+$/, 'The answer key may use letters, digits and . _ : - only'),
});

export const deadLettersInput = z.object({ cursor: cursorInput, limit: limitSchema.default(25) }).default({ limit: 25 });

export const replayInput = z.object({ notificationId: idSchema });

export type StartConnectionInput = z.infer<typeof startConnectionInput>;
export type FinishConnectionInput = z.infer<typeof finishConnectionInput>;
export type AccountIdInput = z.infer<typeof accountIdInput>;
export type StartSyncInput = z.infer<typeof startSyncInput>;
export type SyncProgressInput = z.infer<typeof syncProgressInput>;
export type OrdersInput = z.infer<typeof ordersInput>;
export type IdInput = z.infer<typeof idInput>;
export type QuestionsInput = z.infer<typeof questionsInput>;
export type UnansweredQueueInput = z.infer<typeof unansweredQueueInput>;
export type AnswerInput = z.infer<typeof answerInput>;
export type DeadLettersInput = z.infer<typeof deadLettersInput>;
export type ReplayInput = z.infer<typeof replayInput>;

/** What the desktop app's local store mirrors, one change feed each (see changes.ts). */
export const CHANGE_RESOURCES = ['accounts', 'orders', 'shipments', 'questions', 'messages', 'answers'] as const;

export const changesInput = z.object({
  resource: z.enum(CHANGE_RESOURCES, { message: 'Choose what to read: accounts, orders, shipments, questions, messages or answers' }),
  /** nextCursor of the previous call; absent: from the beginning. */
  cursor: z.string().max(300, 'This sync position is not valid').optional(),
  limit: z.number().int().min(1, 'Ask for at least 1 change').max(500, 'Ask for at most 500 changes at a time').default(200),
});

export type ChangesInput = z.infer<typeof changesInput>;
export type ChangeResource = (typeof CHANGE_RESOURCES)[number];
