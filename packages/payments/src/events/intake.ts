import type Stripe from 'stripe';
import type { Database } from '@vitrine/db';
import { enqueueInTransaction, safeJobId } from '@vitrine/queue';
import { tenantIdOf } from './tenant.ts';

export const STRIPE_PROVIDER = 'stripe';

export const stripeEventJobId = (eventId: string) => safeJobId(`stripe-evt-${eventId}`);

export type StoreStripeEventResult =
  | { duplicate: false; webhookEventId: string; tenantId: string | null }
  | { duplicate: true };

/**
 * Stores a verified event and, in the same transaction, the outbox row of its `stripe.event` job
 * (ARCHITECTURE §5): if the insert commits, the job will run; a redelivered event id finds its row
 * (unique provider + event_id), writes nothing and enqueues nothing.
 */
export async function storeStripeEvent(db: Database, event: Stripe.Event): Promise<StoreStripeEventResult> {
  const tenantId = tenantIdOf(event);
  return db.platform.$transaction(async (tx) => {
    const [row] = await tx.webhookEvent.createManyAndReturn({
      data: [{ provider: STRIPE_PROVIDER, eventId: event.id, type: event.type, payload: JSON.parse(JSON.stringify(event)), tenantId }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (!row) return { duplicate: true as const };
    await enqueueInTransaction(tx, {
      queue: 'payments',
      name: 'stripe.event',
      payload: { webhookEventId: row.id },
      jobId: stripeEventJobId(event.id),
      ...(tenantId ? { tenantId } : {}),
    });
    return { duplicate: false as const, webhookEventId: row.id, tenantId };
  });
}
