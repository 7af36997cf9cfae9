import { type TestCard } from './cards.ts';
import { emit, NO_REQUEST, nowSeconds, type SandboxCore } from './core.ts';
import { invalidRequest } from './errors.ts';
import type { RequestInfo } from './events.ts';
import type { CheckoutSession } from './model.ts';
import { createIntent, payIntent, type PayerDetails, type PaymentResult } from './payments.ts';

/** Expires an open session (the API call, or its `expires_at` passing) and emits checkout.session.expired. */
export function expireSession(core: SandboxCore, session: CheckoutSession, request: RequestInfo): CheckoutSession {
  if (session.status !== 'open') {
    throw invalidRequest(`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`);
  }
  session.status = 'expired';
  session.url = null;
  emit(core, 'checkout.session.expired', session, request);
  return session;
}

/** Sessions whose `expires_at` has passed become expired, as Stripe does on its own. */
export function expireDueSessions(core: SandboxCore): void {
  const now = nowSeconds(core);
  for (const session of core.sessions.values()) {
    if (session.status === 'open' && session.expires_at <= now) expireSession(core, session, NO_REQUEST);
  }
}

/**
 * The buyer pays a session with a test card (the hosted page, or the control route). The first attempt
 * creates the session's PaymentIntent (metadata from `payment_intent_data`); a decline leaves the session
 * open for another card; success completes it and emits payment_intent.succeeded, then
 * checkout.session.completed.
 */
export function paySession(core: SandboxCore, session: CheckoutSession, card: TestCard, payer: PayerDetails): PaymentResult {
  if (session.status !== 'open') throw invalidRequest(`This Checkout Session is ${session.status === 'complete' ? 'already paid' : 'expired'}.`);
  const details = core.sessionDetails.get(session.id);
  let intent = session.payment_intent ? core.paymentIntents.get(session.payment_intent) : undefined;
  if (!intent) {
    intent = createIntent(core, {
      amount: session.amount_total,
      currency: session.currency,
      customer: session.customer,
      description: details?.intentDescription ?? null,
      metadata: { ...(details?.intentMetadata ?? {}) },
      receiptEmail: payer.email ?? session.customer_email,
    });
    session.payment_intent = intent.id;
  }
  const result = payIntent(core, intent, card, NO_REQUEST, payer);
  if (result.ok) {
    session.status = 'complete';
    session.payment_status = 'paid';
    session.url = null;
    session.customer_details = { address: null, email: payer.email ?? session.customer_email, name: payer.name ?? null, phone: null, tax_exempt: 'none', tax_ids: [] };
    emit(core, 'checkout.session.completed', session, NO_REQUEST);
  }
  return result;
}

export function successRedirect(session: CheckoutSession): string | null {
  return session.success_url ? session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', session.id) : null;
}
