import { randomUUID } from 'node:crypto';
import type { LocalStore } from '../store/store.ts';
import { AnswerConflictError, OfflineError, RateLimitedError, SignedOutError, type Transport } from '../sync/transport.ts';

export type OutboxStatus = 'pending' | 'sent' | 'conflict';

export interface OutboxItem {
  id: string;
  questionId: string;
  accountId: string;
  text: string;
  /** Drawn once for this draft and sent with every attempt: the server keeps one answer per key. */
  idempotencyKey: string;
  status: OutboxStatus;
  /** The server's answer id, once sent. */
  answerId: string | null;
  /** Why the server refused it (conflict), or the last failure of a pending item. */
  error: string | null;
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, question_id AS "questionId", account_id AS "accountId", text, idempotency_key AS "idempotencyKey", status,
  answer_id AS "answerId", error, attempts, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Answers in flight at once while flushing: enough to use the platform's budget per desktop token (DESKTOP_RATE). */
export const FLUSH_CONCURRENCY = 4;

/** Keeps an answer written on this machine until it is sent; works offline. */
export async function enqueueAnswer(store: LocalStore, draft: { questionId: string; accountId: string; text: string }): Promise<OutboxItem> {
  const text = draft.text.trim();
  if (!text) throw new Error('Write an answer before sending it.');
  const [row] = await store.query<OutboxItem>(
    `INSERT INTO outbox (id, question_id, account_id, text, idempotency_key) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [randomUUID(), draft.questionId, draft.accountId, text, `desktop-${randomUUID()}`],
  );
  return row!;
}

/** Everything in the outbox, oldest first, for the UI. */
export async function outboxItems(store: LocalStore): Promise<OutboxItem[]> {
  return store.query<OutboxItem>(`SELECT ${COLUMNS} FROM outbox ORDER BY seq`);
}

export interface FlushResult {
  sent: number;
  conflicts: number;
  /** Still waiting (offline, or failed for another reason and kept with its error). */
  pending: number;
  /** The platform could not be reached: flushing stopped there. */
  offline: boolean;
  /** Why flushing stopped before the end (offline, signed out, or slowed down for too long); the rest stays pending. */
  stoppedBy: OfflineError | SignedOutError | RateLimitedError | null;
}

/**
 * Sends the pending answers in the order they were written, each with its own key. Sent → 'sent' with the
 * answer id; CONFLICT (answered elsewhere, closed or deleted) → 'conflict' with the server's sentence, the text
 * kept; offline → stays 'pending' and the flush stops. A crash after the server accepted but before the mark
 * here is harmless: the next flush resends the same key and gets the same answer back.
 */
export async function flushOutbox(store: LocalStore, transport: Transport, options: { concurrency?: number } = {}): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, conflicts: 0, pending: 0, offline: false, stoppedBy: null };
  const pending = await store.query<OutboxItem>(`SELECT ${COLUMNS} FROM outbox WHERE status = 'pending' ORDER BY seq`);
  let next = 0;

  async function sendOne(item: OutboxItem): Promise<void> {
    // Discarded (or sent by another flush) since the list was read: not sent again.
    const [current] = await store.query<{ status: OutboxStatus }>('SELECT status FROM outbox WHERE id = $1', [item.id]);
    if (current?.status !== 'pending') return;
    try {
      const answer = await transport.answer({ questionId: item.questionId, text: item.text, idempotencyKey: item.idempotencyKey });
      await store.query(
        `UPDATE outbox SET status = 'sent', answer_id = $2, error = NULL, attempts = attempts + 1, updated_at = now() WHERE id = $1`,
        [item.id, answer.answerId],
      );
      result.sent += 1;
    } catch (error) {
      if (error instanceof OfflineError || error instanceof SignedOutError || error instanceof RateLimitedError) {
        result.offline ||= error instanceof OfflineError;
        result.stoppedBy ??= error;
        result.pending += 1;
        return;
      }
      const conflict = error instanceof AnswerConflictError;
      await store.query(`UPDATE outbox SET status = $2, error = $3, attempts = attempts + 1, updated_at = now() WHERE id = $1`, [
        item.id,
        conflict ? 'conflict' : 'pending',
        error instanceof Error ? error.message : String(error),
      ]);
      if (conflict) result.conflicts += 1;
      else result.pending += 1;
    }
  }

  // A few answers in flight at once, taken in the order they were written; once one finds the platform
  // unreachable (or the token refused), no further answer is started and the rest stay pending.
  async function lane(): Promise<void> {
    while (next < pending.length) {
      if (result.stoppedBy) {
        result.pending += pending.length - next;
        next = pending.length;
        return;
      }
      await sendOne(pending[next++]!);
    }
  }
  const lanes = Math.max(1, Math.min(options.concurrency ?? FLUSH_CONCURRENCY, pending.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return result;
}
