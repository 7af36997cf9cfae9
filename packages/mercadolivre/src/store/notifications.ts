import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { Prisma, type Database } from '@vitrine/db';
import { ML_TOPICS, notificationSchema, type MlNotification, type MlTopic } from '../schemas.ts';

/**
 * Intake of Mercado Livre notifications (reference §2): ML POSTs a small JSON body to
 * /api/webhooks/mercadolivre/<ML_WEBHOOK_SECRET>, signs nothing, and wants a 200 within 500 ms; any other
 * answer is retried for an hour and may get the topic disabled. So intake only stores the notification
 * and enqueues its processing (through the outbox, in the same transaction); the worker fetches the
 * resource later. Per notification: one route lookup, then one statement (in the tenant's scope) that
 * inserts the row and, for a new one, its outbox row. No cache: a disconnected seller stops being accepted
 * at once, and a reconnected one is routed at once.
 */

/** Why a notification was acknowledged without being stored. Worth a log line, never a retry. */
export type MlNotificationIgnored = 'unknown_topic' | 'unknown_seller' | 'inactive_account';

export type AcceptMlNotificationResult =
  | { status: 200; message: string; notificationId: string; duplicate: false; tenantId: string; ignored?: undefined }
  | { status: 200; message: string; notificationId?: string; duplicate: true; tenantId: string; ignored?: undefined }
  | { status: 200; message: string; ignored: MlNotificationIgnored; duplicate?: undefined; notificationId?: undefined }
  | { status: 400 | 403 | 404; message: string; duplicate?: undefined; notificationId?: undefined; ignored?: undefined };

export interface AcceptMlNotificationInput {
  /** The path segment the request came in on. */
  secret: string;
  /** ML_WEBHOOK_SECRET. */
  expectedSecret: string;
  /** ML_CLIENT_ID: notifications name the application they belong to. */
  clientId: string;
  /** The parsed JSON body, unvalidated. */
  body: unknown;
}

export const notificationJobId = (notificationId: string) => `ml-notif-${notificationId}`;

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Constant-time comparison (digests first, so neither the length nor a prefix leaks). */
export function webhookSecretMatches(secret: string, expectedSecret: string): boolean {
  if (expectedSecret.length === 0) return false;
  return timingSafeEqual(sha256(secret), sha256(expectedSecret));
}

const KNOWN_TOPICS = new Set<string>(ML_TOPICS);
const isKnownTopic = (topic: string): topic is MlTopic => KNOWN_TOPICS.has(topic);

/**
 * What identifies one notification across ML's retries: its `_id` (`id` in the sub-topic model), or, when
 * ML sent neither, topic + resource + send time. With no time either there is nothing stable to key on,
 * and a random key stores every delivery (processing refetches the resource, so that is only extra work).
 */
export function notificationKey(n: MlNotification): string {
  const id = n._id ?? n.id;
  if (id) return id;
  const at = n.sent ?? n.received ?? n.recieved ?? `unkeyed-${randomUUID()}`;
  return `${n.topic}|${n.resource}|${at}`;
}

function describeIssues(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : 'body'}: ${issue.message}`)
    .join('; ');
}

/**
 * Checks and stores one notification. 404 for a wrong secret (the URL does not exist as far as a scanner
 * can tell), 400 for a body that is not a notification, 403 for another application's notification.
 * A topic we do not process is acknowledged with 200 and not stored: a 400 would only make ML retry it
 * for an hour and then possibly disable the topic, while nothing we could do with it would change.
 * Likewise a seller who is not (or no longer) connected. Duplicates (ML retries, or `orders` and
 * `orders_v2` both ticked) keep the highest attempt count and enqueue nothing.
 */
export async function acceptMlNotification(db: Database, input: AcceptMlNotificationInput): Promise<AcceptMlNotificationResult> {
  if (!webhookSecretMatches(input.secret, input.expectedSecret)) return { status: 404, message: 'Not found.' };

  const parsed = notificationSchema.safeParse(input.body);
  if (!parsed.success) return { status: 400, message: `Invalid notification: ${describeIssues(parsed.error)}` };
  const n = parsed.data;

  // Compared as numbers: the schema reads application_id as one, and a 16-digit id above 2^53 is rounded
  // the same way on both sides (JSON.parse has already rounded it in the body).
  if (n.application_id !== Number(input.clientId)) {
    return { status: 403, message: 'This notification belongs to another application.' };
  }
  if (!isKnownTopic(n.topic)) return { status: 200, message: `Topic "${n.topic}" is not processed; ignored.`, ignored: 'unknown_topic' };

  // One call: route, tenant scope, the ACTIVE check, the row and its outbox job (migration
  // 20261127230000_ml_notification_intake); the job payload is the one jobSchema validates (tested).
  const [row] = await db.platform.$queryRaw<Array<{ outcome: 'unknown_seller' | 'inactive_account' | 'duplicate' | 'stored'; tenant_id: string | null; notification_id: string | null }>>(
    Prisma.sql`SELECT outcome, tenant_id, notification_id FROM ml_accept_notification(
      ${BigInt(n.user_id)}::bigint, ${notificationKey(n)}::text, ${n.topic}::text, ${n.resource}::text, ${Math.max(1, n.attempts ?? 1)}::int,
      ${JSON.stringify(input.body)}::jsonb, ${`mln_${randomUUID()}`}::text, ${`obx_${randomUUID()}`}::text)`,
  );
  switch (row?.outcome) {
    case 'stored':
      return { status: 200, message: 'Stored.', notificationId: row.notification_id!, duplicate: false, tenantId: row.tenant_id! };
    case 'duplicate':
      return { status: 200, message: 'Already received.', duplicate: true, tenantId: row.tenant_id!, ...(row.notification_id ? { notificationId: row.notification_id } : {}) };
    case 'inactive_account':
      return { status: 200, message: `The account of seller ${n.user_id} is not active; ignored.`, ignored: 'inactive_account' };
    default:
      return { status: 200, message: `No connected account for seller ${n.user_id}; ignored.`, ignored: 'unknown_seller' };
  }
}

// ---------------------------------------------------------------------------------------------------------
// The HTTP side, shared by the Next route and the benchmark's bare node:http server.

/** ML's bodies are a few hundred bytes; anything this big is not from ML. */
export const ML_WEBHOOK_MAX_BYTES = 16 * 1024;

export interface MlWebhookConfig {
  expectedSecret: string;
  clientId: string;
  maxBytes?: number;
}

export interface MlWebhookRequest {
  secret: string;
  /** The Content-Length header, if any: an oversized body is refused before it is read. */
  contentLength: string | null;
  /** The request body as byte chunks (a node IncomingMessage, or a web stream adapted with `webStreamChunks`). */
  body: AsyncIterable<Uint8Array> | null;
}

export interface MlWebhookResponse {
  status: 200 | 400 | 403 | 404 | 413;
  body: { ok: true } | { error: string };
  /** What acceptMlNotification decided, when it ran (for logs). */
  result?: AcceptMlNotificationResult;
}

class BodyTooLarge extends Error {}

/** Reads at most `maxBytes` bytes; more throws BodyTooLarge without reading the rest. */
async function readCapped(body: AsyncIterable<Uint8Array> | null, maxBytes: number): Promise<string> {
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/** A web ReadableStream's chunks as an async iterable; stops (and cancels the stream) when the reader does. */
export async function* webStreamChunks(stream: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } }) {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      if (next.value) yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => {});
  }
}

const fail = (status: MlWebhookResponse['status'], error: string, result?: AcceptMlNotificationResult): MlWebhookResponse => ({
  status,
  body: { error },
  ...(result ? { result } : {}),
});

/**
 * One webhook request: secret (404, before reading anything), size (413), JSON (400), then
 * acceptMlNotification. Errors from the database propagate: the caller answers 500 and ML retries.
 */
export async function handleMlWebhook(db: Database, config: MlWebhookConfig, request: MlWebhookRequest): Promise<MlWebhookResponse> {
  if (!webhookSecretMatches(request.secret, config.expectedSecret)) return fail(404, 'Not found.');
  const maxBytes = config.maxBytes ?? ML_WEBHOOK_MAX_BYTES;
  const tooLarge = `The body is larger than ${maxBytes} bytes.`;
  if (request.contentLength !== null && Number(request.contentLength) > maxBytes) return fail(413, tooLarge);

  let text: string;
  try {
    text = await readCapped(request.body, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) return fail(413, tooLarge);
    throw error;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fail(400, 'The body is not valid JSON.');
  }

  const result = await acceptMlNotification(db, { secret: request.secret, expectedSecret: config.expectedSecret, clientId: config.clientId, body });
  if (result.status !== 200) return fail(result.status, result.message, result);
  return { status: 200, body: { ok: true }, result };
}
