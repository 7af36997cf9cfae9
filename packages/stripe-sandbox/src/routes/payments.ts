import { cardByPaymentMethod } from '../cards.ts';
import { emit, nowSeconds } from '../core.ts';
import { cardError, invalidRequest, resourceMissing } from '../errors.ts';
import { expanded, expandPaths } from '../expand.ts';
import { json, paramsOf, queryParams, type Route, type RouteContext } from '../http.ts';
import { newId, type PaymentIntent, type Refund } from '../model.ts';
import { mergeMetadata, type Params } from '../params.ts';
import { createIntent, payIntent } from '../payments.ts';

function findIntent(ctx: RouteContext, id = ctx.params[0] as string, param = 'id'): PaymentIntent {
  const intent = ctx.core.paymentIntents.get(id);
  if (!intent) throw resourceMissing('payment_intent', id, param);
  return intent;
}

/** `payment_method=pm_card_visa` (Stripe's test PaymentMethods) confirms with that card. */
function confirm(ctx: RouteContext, intent: PaymentIntent, params: Params) {
  if (intent.status === 'succeeded') {
    throw invalidRequest('You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.', { code: 'payment_intent_unexpected_state' });
  }
  const paymentMethod = params.string('payment_method') ?? intent.payment_method;
  if (!paymentMethod) {
    throw invalidRequest('You cannot confirm this PaymentIntent because it\'s missing a payment method. To confirm the PaymentIntent with a payment method, pass `payment_method`.', { code: 'payment_intent_unexpected_state', param: 'payment_method' });
  }
  const card = cardByPaymentMethod(paymentMethod);
  if (!card) throw resourceMissing('PaymentMethod', paymentMethod, 'payment_method');
  const result = payIntent(ctx.core, intent, card, ctx.request);
  if (!result.ok) throw cardError(result.error.message, result.error.code, result.error.decline_code, { charge: result.charge.id, payment_intent: structuredClone(intent) });
  return json(expanded(ctx.core, intent, expandPaths(params)));
}

const INTENT_PARAMS = ['amount', 'currency', 'metadata', 'automatic_payment_methods', 'customer', 'description', 'receipt_email', 'payment_method', 'confirm', 'payment_method_types', 'expand', 'return_url'];

export const paymentRoutes: Route[] = [
  {
    method: 'POST', path: '/v1/payment_intents', kind: 'api',
    handle: (ctx) => {
      const params = paramsOf(ctx).only(INTENT_PARAMS);
      const amount = params.requiredInteger('amount', { min: 1 });
      const currency = params.requiredString('currency').toLowerCase();
      const customer = params.string('customer');
      if (customer && !ctx.core.customers.has(customer)) throw resourceMissing('customer', customer, 'customer');
      const automatic = params.object('automatic_payment_methods');
      const intent = createIntent(ctx.core, {
        amount, currency, customer, description: params.string('description'), metadata: mergeMetadata({}, params.metadata()),
        receiptEmail: params.string('receipt_email'), automaticPaymentMethods: automatic?.boolean('enabled') ?? true,
      });
      const paymentMethod = params.string('payment_method');
      if (paymentMethod) {
        if (!cardByPaymentMethod(paymentMethod)) throw resourceMissing('PaymentMethod', paymentMethod, 'payment_method');
        intent.payment_method = paymentMethod;
        intent.status = 'requires_confirmation';
      }
      emit(ctx.core, 'payment_intent.created', intent, ctx.request);
      if (params.boolean('confirm')) return confirm(ctx, intent, params);
      return json(expanded(ctx.core, intent, expandPaths(params)));
    },
  },
  { method: 'GET', path: '/v1/payment_intents/:id', kind: 'api', handle: (ctx) => json(expanded(ctx.core, findIntent(ctx), expandPaths(queryParams(ctx)))) },
  {
    method: 'POST', path: '/v1/payment_intents/:id/confirm', kind: 'api',
    handle: (ctx) => confirm(ctx, findIntent(ctx), paramsOf(ctx).only(['payment_method', 'return_url', 'expand'])),
  },
  {
    method: 'POST', path: '/v1/refunds', kind: 'api',
    handle: (ctx) => {
      const params = paramsOf(ctx).only(['payment_intent', 'charge', 'amount', 'reason', 'metadata', 'expand']);
      const intentId = params.string('payment_intent');
      const chargeId = params.string('charge');
      if (!intentId && !chargeId) throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.', { code: 'parameter_missing', param: 'payment_intent' });
      let charge = chargeId ? ctx.core.charges.get(chargeId) : undefined;
      if (chargeId && !charge) throw resourceMissing('charge', chargeId, 'charge');
      if (intentId) {
        const intent = findIntent(ctx, intentId, 'payment_intent');
        const latest = intent.latest_charge ? ctx.core.charges.get(intent.latest_charge) : undefined;
        if (intent.status !== 'succeeded' || !latest) {
          throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, { param: 'payment_intent' });
        }
        charge = latest;
      }
      if (!charge || charge.status !== 'succeeded') throw invalidRequest(`Charge ${chargeId} has not succeeded and cannot be refunded.`, { param: 'charge' });
      const remaining = charge.amount - charge.amount_refunded;
      if (remaining === 0) {
        throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
      }
      const amount = params.integer('amount', { min: 1 }) ?? remaining;
      if (amount > remaining) {
        const fmt = (value: number) => `${(value / 100).toFixed(2)} ${charge.currency.toUpperCase()}`;
        throw invalidRequest(`Refund amount (${fmt(amount)}) is greater than unrefunded amount on charge (${fmt(remaining)})`, { code: 'amount_too_large', param: 'amount' });
      }
      const reason = params.oneOf('reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const) ?? null;
      const refund: Refund = {
        id: newId('re'), object: 'refund', amount, balance_transaction: newId('txn'), charge: charge.id, created: nowSeconds(ctx.core),
        currency: charge.currency, metadata: mergeMetadata({}, params.metadata()), payment_intent: charge.payment_intent, reason,
        receipt_number: null, status: 'succeeded',
      };
      ctx.core.refunds.set(refund.id, refund);
      const before = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
      charge.amount_refunded += amount;
      charge.refunded = charge.amount_refunded === charge.amount;
      emit(ctx.core, 'refund.created', refund, ctx.request);
      emit(ctx.core, 'charge.refunded', charge, ctx.request, before.refunded === charge.refunded ? { amount_refunded: before.amount_refunded } : before);
      return json(expanded(ctx.core, refund, expandPaths(params)));
    },
  },
  {
    method: 'GET', path: '/v1/refunds/:id', kind: 'api',
    handle: (ctx) => {
      const refund = ctx.core.refunds.get(ctx.params[0] as string);
      if (!refund) throw resourceMissing('refund', ctx.params[0] as string);
      return json(expanded(ctx.core, refund, expandPaths(queryParams(ctx))));
    },
  },
  {
    method: 'GET', path: '/v1/charges/:id', kind: 'api',
    handle: (ctx) => {
      const charge = ctx.core.charges.get(ctx.params[0] as string);
      if (!charge) throw resourceMissing('charge', ctx.params[0] as string);
      return json(expanded(ctx.core, charge, expandPaths(queryParams(ctx))));
    },
  },
];
