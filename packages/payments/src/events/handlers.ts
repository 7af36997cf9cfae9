import type Stripe from 'stripe';
import type { Database, Prisma, ScopedTransaction } from '@vitrine/db';

/** The event of one type, narrowed (`event.data.object` is a Checkout Session for checkout.session.*). */
export type StripeEventOf<T extends Stripe.Event.Type> = Extract<Stripe.Event, { type: T }>;

/**
 * A handler for store events: runs in the tenant's scoped transaction (its own database for a dedicated
 * tenant), so its writes are confined to that store; the event is marked processed in the same transaction.
 * Returns an optional note stored on the event ("order o_1 already paid").
 */
export interface TenantStripeEventHandler<T extends Stripe.Event.Type> {
  scope: 'tenant';
  handle(ctx: { event: StripeEventOf<T>; tenantId: string; tx: ScopedTransaction; db: Database }): Promise<string | void>;
}

/**
 * A handler for platform events (billing of the stores' plans): runs in a platform transaction (tenants,
 * plans), with the tenant id when the event carries one; marked processed in the same transaction.
 */
export interface PlatformStripeEventHandler<T extends Stripe.Event.Type> {
  scope: 'platform';
  handle(ctx: { event: StripeEventOf<T>; tenantId: string | null; tx: Prisma.TransactionClient; db: Database }): Promise<string | void>;
}

export type StripeEventHandler<T extends Stripe.Event.Type> = TenantStripeEventHandler<T> | PlatformStripeEventHandler<T>;

/** At most one handler per event type. Handlers must tolerate redelivery and any order (re-read state). */
export type StripeEventHandlers = { [T in Stripe.Event.Type]?: StripeEventHandler<T> };
