import type Stripe from 'stripe';
import { TenantNotFoundError, type Database, type Prisma, type PrismaClient } from '@vitrine/db';
import type { StripeEventHandler, StripeEventHandlers } from './handlers.ts';

export type ProcessStripeEventResult =
  | { outcome: 'processed'; type: string; note: string | null }
  /** Processed before (a second job for the same event, or a redelivery that slipped through): nothing ran. */
  | { outcome: 'already_processed'; type: string }
  /** No such row (pruned): nothing to do. */
  | { outcome: 'missing' };

type RawTx = Pick<Prisma.TransactionClient, '$executeRaw' | '$queryRaw'>;
type WebhookEvent = NonNullable<Awaited<ReturnType<PrismaClient['webhookEvent']['findUnique']>>>;

const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 60_000 } as const;

/**
 * Runs `work` inside the caller's transaction between a claim and a mark on the event's ledger row in that
 * transaction's database: the received row itself (platform and pooled stores), or for a store with its own
 * database a copy inserted there. The row is locked FOR UPDATE, so a second job for the same event waits and
 * then finds it processed; `processed_at` commits with the handler's writes or not at all.
 */
async function inLedger(tx: RawTx, row: WebhookEvent, work: () => Promise<string | void | null>): Promise<{ ran: boolean; note: string | null }> {
  await tx.$executeRaw`
    INSERT INTO webhook_events (id, provider, event_id, type, payload, tenant_id, received_at)
    VALUES (${row.id}, ${row.provider}, ${row.eventId}, ${row.type}, ${JSON.stringify(row.payload)}::jsonb, ${row.tenantId}, ${row.receivedAt})
    ON CONFLICT (provider, event_id) DO NOTHING`;
  const [ledger] = await tx.$queryRaw<{ processed: boolean }[]>`
    SELECT processed_at IS NOT NULL AS processed FROM webhook_events
    WHERE provider = ${row.provider} AND event_id = ${row.eventId} FOR UPDATE`;
  if (ledger?.processed) return { ran: false, note: null };
  const note = (await work()) ?? null;
  await tx.$executeRaw`
    UPDATE webhook_events SET processed_at = now(), attempts = attempts + 1, last_error = NULL, note = ${note}
    WHERE provider = ${row.provider} AND event_id = ${row.eventId}`;
  return { ran: true, note };
}

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2_000);

/**
 * Processes one stored event (the `stripe.event` job): dispatches by type to `handlers`, in the tenant's
 * scoped transaction or a platform transaction as the handler declares, and marks the event processed in
 * that same transaction. Exactly-once per event id: a second run finds it processed and runs nothing.
 * An event with no handler, a store handler's event without a tenant, or a tenant that does not exist is
 * marked processed with a note. A handler that throws leaves the event unprocessed with attempts and
 * last_error recorded, and the error is rethrown so the queue retries.
 */
export async function processStripeEvent(input: { db: Database; webhookEventId: string; handlers: StripeEventHandlers }): Promise<ProcessStripeEventResult> {
  const { db } = input;
  const row = await db.platform.webhookEvent.findUnique({ where: { id: input.webhookEventId } });
  if (!row) return { outcome: 'missing' };
  if (row.processedAt) return { outcome: 'already_processed', type: row.type };
  const event = row.payload as unknown as Stripe.Event;
  const handler = input.handlers[row.type as Stripe.Event.Type] as StripeEventHandler<Stripe.Event.Type> | undefined;

  const inPlatform = (work: (tx: Prisma.TransactionClient) => Promise<string | void | null>) =>
    db.platform.$transaction(async (tx) => inLedger(tx, row, () => work(tx)), TRANSACTION_OPTIONS);

  let result: { ran: boolean; note: string | null };
  try {
    if (!handler) {
      result = await inPlatform(async () => `No handler for ${row.type}; nothing to do.`);
    } else if (handler.scope === 'platform') {
      result = await inPlatform((tx) => handler.handle({ event, tenantId: row.tenantId, tx, db }));
    } else if (!row.tenantId) {
      result = await inPlatform(async () => `${row.type} is handled per store, but the event carries no metadata.tenant_id; nothing to do.`);
    } else {
      const tenantId = row.tenantId;
      let tenantDb: Awaited<ReturnType<Database['forTenant']>> | null = null;
      try {
        tenantDb = await db.forTenant(tenantId);
      } catch (error) {
        if (!(error instanceof TenantNotFoundError)) throw error;
      }
      result = tenantDb
        ? await tenantDb.$scoped((tx) => inLedger(tx as unknown as RawTx, row, () => handler.handle({ event, tenantId, tx, db })), TRANSACTION_OPTIONS)
        : await inPlatform(async () => `Store ${tenantId} (metadata.tenant_id) does not exist; nothing to do.`);
    }
  } catch (error) {
    await db.platform.webhookEvent.update({ where: { id: row.id }, data: { attempts: { increment: 1 }, lastError: describe(error) } });
    throw error;
  }
  // A dedicated store's ledger lives in its own database: mirror the outcome on the received row
  // (a no-op where the ledger row is the received row, already marked in the transaction).
  await db.platform.webhookEvent.updateMany({
    where: { id: row.id, processedAt: null },
    data: { processedAt: new Date(), ...(result.ran ? { attempts: { increment: 1 }, note: result.note, lastError: null } : {}) },
  });
  return result.ran ? { outcome: 'processed', type: row.type, note: result.note } : { outcome: 'already_processed', type: row.type };
}
