import type Stripe from 'stripe';

const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/;

const metadataTenant = (metadata: unknown): string | null => {
  if (!metadata || typeof metadata !== 'object') return null;
  const value = (metadata as Record<string, unknown>).tenant_id;
  return typeof value === 'string' && TENANT_ID.test(value) ? value : null;
};

/**
 * The store an event concerns: `metadata.tenant_id` on the event's object (Vitrine puts it on Checkout
 * Sessions, PaymentIntents, charges, customers and subscriptions), or for an invoice the metadata of the
 * subscription that made it. Null for events about the platform alone, or a malformed value.
 */
export function tenantIdOf(event: Stripe.Event): string | null {
  const object = event.data.object as unknown as Record<string, unknown>;
  const own = metadataTenant(object.metadata);
  if (own) return own;
  const parent = object.parent as { subscription_details?: { metadata?: unknown } } | null | undefined;
  return metadataTenant(parent?.subscription_details?.metadata);
}
