import type { Database } from '@vitrine/db';
import type Stripe from 'stripe';
import { StripeWebhookError, verifyStripeWebhook } from '../webhook.ts';
import { storeStripeEvent, type StoreStripeEventResult } from './intake.ts';
import { tenantIdOf } from './tenant.ts';

/** Stripe's events are a few kilobytes; a body this big is not one. */
export const STRIPE_WEBHOOK_MAX_BYTES = 1024 * 1024;

export interface StripeWebhookResponse {
  status: 200 | 400 | 413;
  body: { received: true; duplicate: boolean } | { error: string };
  /** For logs. */
  eventId?: string;
  type?: string;
  stored?: StoreStripeEventResult;
}

/** A store's own endpoint signing secret (whsec_…), or null when it has none. */
export type StoreWebhookSecret = (tenantId: string) => Promise<string | null>;

export interface StripeWebhookRequest {
  rawBody: Uint8Array;
  signature: string | null;
  /** The platform endpoint's secret (STRIPE_WEBHOOK_SECRET). */
  secret: string;
  /**
   * The secret of the store an event names (`metadata.tenant_id`), for events of a store's own Stripe account sent
   * to this same endpoint. Tried only when the platform secret does not match.
   */
  storeSecret?: StoreWebhookSecret;
}

/** The store an unverified body names, only to choose which secret to try; nothing else of it is trusted. */
function claimedTenant(rawBody: Uint8Array): string | null {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(rawBody)) as unknown;
    if (!parsed || typeof parsed !== 'object' || !('data' in parsed)) return null;
    return tenantIdOf(parsed as Stripe.Event);
  } catch {
    return null;
  }
}

/**
 * Verifies with the platform's secret, then (on a signature mismatch) with the secret of the store the body names.
 * The event is trusted only once one of them verifies it.
 */
async function verifyEither(input: StripeWebhookRequest): Promise<Stripe.Event> {
  try {
    return verifyStripeWebhook(input.rawBody, input.signature, input.secret);
  } catch (error) {
    if (!(error instanceof StripeWebhookError) || error.reason !== 'invalid_signature' || !input.storeSecret) throw error;
    const tenantId = claimedTenant(input.rawBody);
    const storeSecret = tenantId ? await input.storeSecret(tenantId) : null;
    if (!storeSecret) throw error;
    return verifyStripeWebhook(input.rawBody, input.signature, storeSecret);
  }
}

/**
 * The webhook endpoint's work, apart from HTTP plumbing: verify the signature on the raw bytes (the platform's
 * secret, or the named store's own), store the event with its job (one transaction), answer 200 — also for a
 * duplicate, which stores and enqueues nothing. A missing or bad signature is a 400 with a short sentence, and
 * nothing is stored.
 */
export async function handleStripeWebhook(db: Database, input: StripeWebhookRequest): Promise<StripeWebhookResponse> {
  if (input.rawBody.byteLength > STRIPE_WEBHOOK_MAX_BYTES) return { status: 413, body: { error: 'The body is too large for a Stripe event.' } };
  let event;
  try {
    event = await verifyEither(input);
  } catch (error) {
    if (error instanceof StripeWebhookError) return { status: 400, body: { error: error.message } };
    throw error;
  }
  const stored = await storeStripeEvent(db, event);
  return { status: 200, body: { received: true, duplicate: stored.duplicate }, eventId: event.id, type: event.type, stored };
}
