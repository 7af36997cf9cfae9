import { billingStripeEventHandlers, orderStripeEventHandlers } from '@vitrine/api';
import { processStripeEvent, type StripeEventHandlers } from '@vitrine/payments';
import type { JobProcessor } from '../types.ts';

/**
 * A processor for stored Stripe events over a handler map. The business rules live in the handlers, beside the
 * rules they apply in @vitrine/api; this only runs one stored event. A handler that
 * throws is retried by BullMQ; the row keeps attempts and last_error, and stays unprocessed after the last
 * attempt (webhook_events_unprocessed_idx finds it).
 */
export function stripeEventProcessor(handlers: StripeEventHandlers): JobProcessor<'payments', 'stripe.event'> {
  return async ({ webhookEventId }, ctx) => {
    try {
      const result = await processStripeEvent({ db: ctx.db, webhookEventId, handlers });
      if (result.outcome === 'processed' && result.note) ctx.log.info({ webhookEventId, type: result.type, note: result.note }, 'stripe event processed');
      return result;
    } catch (error) {
      if (ctx.attempt >= ctx.maxAttempts) ctx.log.error({ webhookEventId, err: error instanceof Error ? error.message : String(error) }, 'stripe event failed for the last time; left unprocessed');
      throw error;
    }
  };
}

/**
 * Every Stripe event type Vitrine acts on: the storefront orders' (checkout.session.completed|expired,
 * charge.refunded, refund.created: packages/api/src/commerce/stripe-events.ts) and the plan billing's
 * (customer.subscription.*, invoice.paid|payment_failed: packages/api/src/billing/stripe-events.ts). They live in
 * @vitrine/api, which depends on @vitrine/payments, so they are joined here. A type without a handler is marked
 * processed with a note.
 */
export const processStripeEventJob = stripeEventProcessor({ ...orderStripeEventHandlers, ...billingStripeEventHandlers });
