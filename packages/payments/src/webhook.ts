import Stripe from 'stripe';
import { z } from 'zod';

export type StripeWebhookFailure = 'missing_signature' | 'invalid_signature' | 'invalid_payload';

/** Why a webhook request is refused; `message` is a short sentence for the 400 answer. */
export class StripeWebhookError extends Error {
  override name = 'StripeWebhookError';
  constructor(
    readonly reason: StripeWebhookFailure,
    message: string,
  ) {
    super(message);
  }
}

/** What Vitrine relies on in every event, beyond the signature. */
const eventShape = z.object({
  id: z.string().regex(/^evt_\w+$/),
  object: z.literal('event'),
  type: z.string().min(1),
  created: z.number().int(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

/**
 * Verifies a Stripe webhook on its raw body (bytes exactly as received) with the endpoint secret and the
 * SDK's default 300-second tolerance, and returns the typed event. Throws StripeWebhookError otherwise.
 */
export function verifyStripeWebhook(rawBody: string | Uint8Array, signatureHeader: string | null | undefined, secret: string): Stripe.Event {
  if (!signatureHeader) throw new StripeWebhookError('missing_signature', 'The Stripe-Signature header is missing.');
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signatureHeader, secret);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      throw new StripeWebhookError('invalid_signature', 'The Stripe signature does not match this body, or it is too old.');
    }
    throw new StripeWebhookError('invalid_payload', 'The body is not a Stripe event.');
  }
  if (!eventShape.safeParse(event).success) throw new StripeWebhookError('invalid_payload', 'The body is not a Stripe event.');
  return event;
}
