import { cardDetails, type TestCard } from './cards.ts';
import { emit, nowSeconds, type SandboxCore } from './core.ts';
import type { RequestInfo } from './events.ts';
import { newId, type Charge, type PaymentError, type PaymentIntent } from './model.ts';

export interface PayerDetails {
  email?: string | null;
  name?: string | null;
  expMonth?: number;
  expYear?: number;
}

export type PaymentResult = { ok: true; charge: Charge } | { ok: false; charge: Charge; error: PaymentError };

/**
 * Charges a PaymentIntent with a test card, as a confirmation does: a charge is created either way (a
 * declined one has status `failed`); success makes the intent `succeeded`, a decline sends it back to
 * `requires_payment_method` with `last_payment_error`. Emits payment_intent.succeeded or
 * payment_intent.payment_failed.
 */
export function payIntent(core: SandboxCore, intent: PaymentIntent, card: TestCard, request: RequestInfo, payer: PayerDetails = {}): PaymentResult {
  const created = nowSeconds(core);
  const paymentMethodId = newId('pm');
  const details = cardDetails(card, payer.expMonth, payer.expYear);
  const declined = card.outcome.ok ? null : card.outcome;
  const charge: Charge = {
    id: newId('ch'),
    object: 'charge',
    amount: intent.amount,
    amount_captured: declined ? 0 : intent.amount,
    amount_refunded: 0,
    balance_transaction: newId('txn'),
    billing_details: { address: null, email: payer.email ?? null, name: payer.name ?? null, phone: null },
    captured: !declined,
    created,
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    disputed: false,
    failure_code: declined ? declined.code : null,
    failure_message: declined ? declined.message : null,
    livemode: false,
    // Stripe copies the intent's metadata onto the charge it creates.
    metadata: { ...intent.metadata },
    outcome: declined
      ? { network_status: 'declined_by_network', reason: declined.declineCode, risk_level: 'normal', seller_message: 'The bank did not return any further details with this decline.', type: 'issuer_declined' }
      : { network_status: 'approved_by_network', reason: null, risk_level: 'normal', seller_message: 'Payment complete.', type: 'authorized' },
    paid: !declined,
    payment_intent: intent.id,
    payment_method: paymentMethodId,
    payment_method_details: { type: 'card', card: details },
    receipt_email: intent.receipt_email ?? payer.email ?? null,
    receipt_url: null,
    refunded: false,
    status: declined ? 'failed' : 'succeeded',
  };
  core.charges.set(charge.id, charge);
  intent.latest_charge = charge.id;
  intent.payment_method = paymentMethodId;
  if (!declined) {
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
    intent.last_payment_error = null;
    emit(core, 'payment_intent.succeeded', intent, request);
    return { ok: true, charge };
  }
  const error: PaymentError = {
    type: 'card_error',
    code: declined.code,
    decline_code: declined.declineCode,
    message: declined.message,
    doc_url: 'https://docs.stripe.com/error-codes/card-declined',
    charge: charge.id,
    payment_method: { id: paymentMethodId, object: 'payment_method', type: 'card', card: details },
  };
  intent.status = 'requires_payment_method';
  intent.payment_method = null;
  intent.last_payment_error = error;
  emit(core, 'payment_intent.payment_failed', intent, request);
  return { ok: false, charge, error };
}

export interface NewIntentInput {
  amount: number;
  currency: string;
  customer?: string | null;
  description?: string | null;
  metadata?: Record<string, string>;
  receiptEmail?: string | null;
  automaticPaymentMethods?: boolean;
}

export function createIntent(core: SandboxCore, input: NewIntentInput): PaymentIntent {
  const id = newId('pi');
  const intent: PaymentIntent = {
    id,
    object: 'payment_intent',
    amount: input.amount,
    amount_capturable: 0,
    amount_received: 0,
    automatic_payment_methods: input.automaticPaymentMethods ? { enabled: true, allow_redirects: 'always' } : null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: `${id}_secret_${newId('x', 25).slice(2)}`,
    confirmation_method: 'automatic',
    created: nowSeconds(core),
    currency: input.currency,
    customer: input.customer ?? null,
    description: input.description ?? null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: input.metadata ?? {},
    next_action: null,
    payment_method: null,
    payment_method_types: ['card'],
    receipt_email: input.receiptEmail ?? null,
    setup_future_usage: null,
    shipping: null,
    statement_descriptor: null,
    status: 'requires_payment_method',
  };
  core.paymentIntents.set(id, intent);
  return intent;
}
