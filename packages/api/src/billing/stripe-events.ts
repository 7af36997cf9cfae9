import type { Prisma } from '@vitrine/db';
import type { Stripe, StripeEventHandlers } from '@vitrine/payments';
import { applySubscription, lockSubscriptionRow, stripeActor } from './apply.ts';
import { platformStripe } from './config.ts';

/**
 * The platform's billing events (the stores' plan subscriptions). Each handler runs in the platform
 * transaction the event processor opened, locks the store, RETRIEVES the subscription from Stripe and applies
 * that current state (apply.ts): an event that arrives late, twice or out of order applies the same current
 * state, so it changes nothing that a newer event already changed. The event only says which store and which
 * subscription to look at.
 */

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : (value?.id ?? null));

const appUrl = () => process.env.APP_URL ?? null;

async function syncFromEvent(tx: Prisma.TransactionClient, event: Stripe.Event, tenantId: string | null, subscriptionId: string | null): Promise<string> {
  if (!tenantId) return `${event.type} names no store (metadata.tenant_id); nothing to do.`;
  if (!subscriptionId) return `${event.type} is not about a subscription; nothing to do.`;
  const row = await lockSubscriptionRow(tx, tenantId);
  if (!row) return `Store ${tenantId} has no billing account; nothing to do.`;
  const subscription = await platformStripe().subscriptions.retrieve(subscriptionId);
  const result = await applySubscription(tx, { tenantId, subscription, actor: stripeActor(event.id), appUrl: appUrl() });
  if (result.skipped) return result.skipped;
  return result.changes.length === 0
    ? `Subscription ${subscriptionId} (${subscription.status}): nothing changed.`
    : `Subscription ${subscriptionId} (${subscription.status}): ${result.changes.map((c) => c.kind).join(', ')}.`;
}

const invoiceSubscription = (invoice: Stripe.Invoice) => idOf(invoice.parent?.subscription_details?.subscription);

export const billingStripeEventHandlers: StripeEventHandlers = {
  'customer.subscription.created': { scope: 'platform', handle: ({ event, tenantId, tx }) => syncFromEvent(tx, event, tenantId, event.data.object.id) },
  'customer.subscription.updated': { scope: 'platform', handle: ({ event, tenantId, tx }) => syncFromEvent(tx, event, tenantId, event.data.object.id) },
  'customer.subscription.deleted': { scope: 'platform', handle: ({ event, tenantId, tx }) => syncFromEvent(tx, event, tenantId, event.data.object.id) },
  /** A paid renewal (or a retried invoice) restores a PAST_DUE or RESTRICTED store at once. */
  'invoice.paid': { scope: 'platform', handle: ({ event, tenantId, tx }) => syncFromEvent(tx, event, tenantId, invoiceSubscription(event.data.object)) },
  /** A failed renewal: PAST_DUE with a grace period, once the subscription itself is past_due. */
  'invoice.payment_failed': { scope: 'platform', handle: ({ event, tenantId, tx }) => syncFromEvent(tx, event, tenantId, invoiceSubscription(event.data.object)) },
};
