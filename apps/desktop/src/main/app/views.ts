import type { AccountView, OutboxItemView } from '../../shared/bridge.ts';
import type { Plain } from '../../shared/plain.ts';
import type { LocalStore } from '../store/store.ts';

/** Dates → ISO strings, recursively: what crosses the bridge is plain JSON (see shared/bridge.ts). */
export function plain<T>(value: T): Plain<T> {
  return JSON.parse(JSON.stringify(value)) as Plain<T>;
}

export async function accountViews(store: LocalStore): Promise<AccountView[]> {
  const accounts = await store.accounts();
  const counts = await store.query<{ accountId: string; count: number }>(
    `SELECT account_id AS "accountId", count(*)::int AS count FROM questions WHERE status = 'UNANSWERED' GROUP BY account_id`,
  );
  const waiting = new Map(counts.map((row) => [row.accountId, row.count]));
  return accounts.map((a) => ({
    ...plain({ id: a.id, mlUserId: a.mlUserId, nickname: a.nickname, siteId: a.siteId, status: a.status, statusReason: a.statusReason, lastSyncedAt: a.lastSyncedAt }),
    unanswered: waiting.get(a.id) ?? 0,
  }));
}

/** The question an answer is for, refused with a sentence when it cannot take one now. */
export async function questionForAnswer(store: LocalStore, questionId: string): Promise<{ accountId: string }> {
  const [question] = await store.query<{ accountId: string; status: string }>('SELECT account_id AS "accountId", status FROM questions WHERE id = $1', [
    questionId,
  ]);
  if (!question) throw new Error('This question is not on this computer. Sync and try again.');
  if (question.status !== 'UNANSWERED') throw new Error('This question has already been answered.');
  const waiting = await store.query<{ id: string }>(`SELECT id FROM outbox WHERE question_id = $1 AND status = 'pending'`, [questionId]);
  if (waiting.length > 0) throw new Error('An answer to this question is already waiting to be sent.');
  return question;
}

const OUTBOX_VIEW = `SELECT x.id, x.question_id AS "questionId", x.account_id AS "accountId", q.text AS "questionText", x.text, x.status, x.error,
    x.created_at AS "createdAt", x.updated_at AS "updatedAt"
  FROM outbox x LEFT JOIN questions q ON q.id = x.question_id`;

/** Pending and conflicting answers, and those sent in the last day, oldest first. */
export async function outboxViews(store: LocalStore): Promise<OutboxItemView[]> {
  const rows = await store.query<OutboxItemView>(
    `${OUTBOX_VIEW} WHERE x.status IN ('pending', 'conflict') OR x.updated_at > now() - interval '1 day' ORDER BY x.seq`,
  );
  return plain(rows) as OutboxItemView[];
}

export async function outboxView(store: LocalStore, id: string): Promise<OutboxItemView> {
  const [row] = await store.query<OutboxItemView>(`${OUTBOX_VIEW} WHERE x.id = $1`, [id]);
  return plain(row!) as OutboxItemView;
}

export async function outboxCounts(store: LocalStore): Promise<{ pending: number; conflicts: number }> {
  const [row] = await store.query<{ pending: number; conflicts: number }>(
    `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*) FILTER (WHERE status = 'conflict')::int AS conflicts FROM outbox`,
  );
  return row ?? { pending: 0, conflicts: 0 };
}

export async function unansweredIds(store: LocalStore): Promise<Set<string>> {
  const rows = await store.query<{ id: string }>(`SELECT id FROM questions WHERE status = 'UNANSWERED'`);
  return new Set(rows.map((row) => row.id));
}

export async function readLastSynced(store: LocalStore): Promise<Date | null> {
  const [row] = await store.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'last_synced_at'`);
  return row ? new Date(row.value) : null;
}

export async function saveLastSynced(store: LocalStore, at: Date): Promise<void> {
  await store.query(`INSERT INTO meta (key, value) VALUES ('last_synced_at', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [
    at.toISOString(),
  ]);
}
