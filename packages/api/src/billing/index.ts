/**
 * Platform billing (issue 7): stores pay the platform for their plan through Stripe Billing (the platform's
 * account: STRIPE_SECRET_KEY / STRIPE_API_BASE).
 *
 * - prices.ts: plan ↔ Stripe price, by lookup key (table plan_stripe_prices).
 * - flows.ts: what the owner does (start, change plan with prorations, cancel at period end and undo, the portal
 *   link, invoices); every Stripe request with an idempotency key.
 * - state.ts: the store's state from Stripe's view of its subscription (pure); apply.ts writes it under the
 *   store's lock; notify.ts audits and emails each change to the owners in the store's language.
 * - stripe-events.ts: customer.subscription.created|updated|deleted, invoice.paid|payment_failed (scope
 *   'platform'): retrieve the subscription and apply its current state (safe in any order, any number of times).
 * - dunning.ts: PAST_DUE → RESTRICTED when the grace period (BILLING_GRACE_DAYS, default 7) ends unpaid.
 * - restriction.ts: a RESTRICTED store's tenant mutations answer 402, billing procedures excepted.
 */
export { billingStripeEventHandlers } from './stripe-events.ts';
export { restrictExpiredGracePeriods } from './dunning.ts';
export { refuseRestrictedWrite, RESTRICTED_MESSAGE } from './restriction.ts';
export { graceDays, platformStripe, DEFAULT_GRACE_DAYS } from './config.ts';
export { applySubscription, syncSubscription, stripeActor } from './apply.ts';
export { nextBilling, type BillingChange } from './state.ts';
