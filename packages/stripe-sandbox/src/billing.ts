import { cardByNumber, cardByPaymentMethod, type TestCard } from './cards.ts';
import { changedAttributes, emit, nowSeconds, type SandboxCore } from './core.ts';
import { invalidRequest } from './errors.ts';
import type { RequestInfo } from './events.ts';
import { newId, type Invoice, type InvoiceLine, type Price, type Subscription, type SubscriptionItem } from './model.ts';
import { createIntent, payIntent } from './payments.ts';

/** The end of a billing period that starts at `start` (Unix seconds), calendar-aware for months and years. */
export function periodEnd(start: number, recurring: NonNullable<Price['recurring']>): number {
  const date = new Date(start * 1000);
  const count = recurring.interval_count;
  switch (recurring.interval) {
    case 'day': date.setUTCDate(date.getUTCDate() + count); break;
    case 'week': date.setUTCDate(date.getUTCDate() + 7 * count); break;
    case 'month': date.setUTCMonth(date.getUTCMonth() + count); break;
    case 'year': date.setUTCFullYear(date.getUTCFullYear() + count); break;
  }
  return Math.floor(date.getTime() / 1000);
}

export const subscriptionItem = (sub: Subscription): SubscriptionItem => sub.items.data[0] as SubscriptionItem;

/** The card an invoice is charged with: the subscription's default payment method, else the customer's. */
function defaultCard(core: SandboxCore, sub: Subscription): TestCard | undefined {
  const pm = sub.default_payment_method ?? core.customers.get(sub.customer)?.invoice_settings.default_payment_method;
  return pm ? cardByPaymentMethod(pm) : undefined;
}

export function resolveCard(input: string): TestCard | undefined {
  return cardByPaymentMethod(input) ?? cardByNumber(input);
}

function line(sub: Subscription, item: SubscriptionItem, price: Price, amount: number, description: string, period: { start: number; end: number }, proration: boolean): InvoiceLine {
  return {
    id: newId('il'), object: 'line_item', amount, currency: price.currency, description, metadata: {}, period,
    pricing: { price_details: { price: price.id, product: price.product }, type: 'price_details', unit_amount_decimal: String(price.unit_amount) },
    quantity: item.quantity,
    parent: { type: 'subscription_item_details', subscription_item_details: { proration, subscription: sub.id, subscription_item: item.id } },
  };
}

function createInvoice(core: SandboxCore, sub: Subscription, reason: Invoice['billing_reason'], lines: InvoiceLine[], period: { start: number; end: number }): Invoice {
  const total = Math.max(0, lines.reduce((sum, l) => sum + l.amount, 0));
  const now = nowSeconds(core);
  const customer = core.customers.get(sub.customer);
  core.invoiceCounter += 1;
  const id = newId('in');
  const invoice: Invoice = {
    id, object: 'invoice', amount_due: total, amount_paid: 0, amount_remaining: total, attempt_count: 0, attempted: false,
    billing_reason: reason, collection_method: 'charge_automatically', created: now, currency: sub.currency, customer: sub.customer,
    customer_email: customer?.email ?? null, hosted_invoice_url: `${core.baseUrl}/i/${id}`,
    lines: { object: 'list', data: lines, has_more: false, total_count: lines.length, url: `/v1/invoices/${id}/lines` },
    livemode: false, metadata: {}, next_payment_attempt: null, number: `${customer?.invoice_prefix ?? 'SANDBOX'}-${String(core.invoiceCounter).padStart(4, '0')}`,
    parent: { type: 'subscription_details', quote_details: null, subscription_details: { metadata: { ...sub.metadata }, subscription: sub.id } },
    period_end: period.end, period_start: period.start, status: 'open',
    status_transitions: { finalized_at: now, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: total, total,
  };
  core.invoices.set(id, invoice);
  sub.latest_invoice = id;
  return invoice;
}

/**
 * Charges an open invoice: a zero total is paid at once; otherwise the card pays it (invoice.paid) or
 * is declined (invoice.payment_failed, the invoice stays open). No card at all leaves it open, unattempted.
 */
export function payInvoice(core: SandboxCore, invoice: Invoice, card: TestCard | undefined, request: RequestInfo, { quiet = false } = {}): boolean {
  if (invoice.status !== 'open') throw invalidRequest(`Invoice ${invoice.id} is ${invoice.status}; only open invoices can be paid.`, { code: 'invoice_not_editable' });
  const now = nowSeconds(core);
  if (invoice.amount_due === 0) {
    markPaid(invoice, now);
    if (!quiet) emit(core, 'invoice.paid', invoice, request);
    return true;
  }
  if (!card) return false;
  const intent = createIntent(core, { amount: invoice.amount_due, currency: invoice.currency, customer: invoice.customer, description: `Invoice ${invoice.number}` });
  const result = payIntent(core, intent, card, request);
  invoice.attempt_count += 1;
  invoice.attempted = true;
  if (result.ok) {
    markPaid(invoice, now);
    if (!quiet) emit(core, 'invoice.paid', invoice, request);
    return true;
  }
  invoice.next_payment_attempt = now + 3 * 86_400;
  if (!quiet) emit(core, 'invoice.payment_failed', invoice, request);
  return false;
}

function markPaid(invoice: Invoice, now: number): void {
  invoice.status = 'paid';
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  invoice.next_payment_attempt = null;
  invoice.status_transitions.paid_at = now;
}

export interface CreateSubscriptionInput {
  customer: string;
  price: Price;
  quantity: number;
  trialDays?: number;
  metadata: Record<string, string>;
  defaultPaymentMethod: string | null;
  description: string | null;
}

export function createSubscription(core: SandboxCore, input: CreateSubscriptionInput, request: RequestInfo): Subscription {
  const now = nowSeconds(core);
  const recurring = input.price.recurring!;
  const trialEnd = input.trialDays ? now + input.trialDays * 86_400 : null;
  const end = trialEnd ?? periodEnd(now, recurring);
  const id = newId('sub');
  const item: SubscriptionItem = {
    id: newId('si', 14), object: 'subscription_item', created: now, current_period_end: end, current_period_start: now,
    metadata: {}, price: input.price, quantity: input.quantity, subscription: id,
  };
  const sub: Subscription = {
    id, object: 'subscription', billing_cycle_anchor: end, cancel_at: null, cancel_at_period_end: false, canceled_at: null,
    cancellation_details: { comment: null, feedback: null, reason: null }, collection_method: 'charge_automatically', created: now,
    currency: input.price.currency, customer: input.customer, default_payment_method: input.defaultPaymentMethod, description: input.description,
    ended_at: null, items: { object: 'list', data: [item], has_more: false, total_count: 1, url: `/v1/subscription_items?subscription=${id}` },
    latest_invoice: null, livemode: false, metadata: input.metadata, start_date: now, status: 'incomplete',
    trial_end: trialEnd, trial_start: trialEnd ? now : null,
  };
  if (trialEnd) sub.billing_cycle_anchor = trialEnd;
  core.subscriptions.set(id, sub);
  const amount = trialEnd ? 0 : input.price.unit_amount * input.quantity;
  const description = trialEnd ? `Trial period for ${productName(core, input.price)}` : `${input.quantity} × ${productName(core, input.price)}`;
  const invoice = createInvoice(core, sub, 'subscription_create', [line(sub, item, input.price, amount, description, { start: now, end }, false)], { start: now, end: now });
  // Stripe pays the first invoice before answering; the events go out in the same order as here.
  const paid = payInvoiceQuietly(core, invoice, defaultCard(core, sub));
  sub.status = trialEnd ? 'trialing' : paid ? 'active' : 'incomplete';
  emit(core, 'customer.subscription.created', sub, request);
  emitInvoiceOutcome(core, invoice, request);
  return sub;
}

/** payInvoice without its invoice.* events, which the caller sends after the subscription's own event. */
function payInvoiceQuietly(core: SandboxCore, invoice: Invoice, card: TestCard | undefined): boolean {
  return payInvoice(core, invoice, card, { id: null, idempotencyKey: null }, { quiet: true });
}

function emitInvoiceOutcome(core: SandboxCore, invoice: Invoice, request: RequestInfo): void {
  if (invoice.status === 'paid') emit(core, 'invoice.paid', invoice, request);
  else if (invoice.attempted) emit(core, 'invoice.payment_failed', invoice, request);
}

const productName = (core: SandboxCore, price: Price) => core.products.get(price.product)?.name ?? price.product;

export function assertNotCanceled(sub: Subscription): void {
  if (sub.status === 'canceled' || sub.status === 'incomplete_expired') {
    throw invalidRequest('A canceled subscription can only update its cancellation_details and metadata.', { param: 'id' });
  }
}

export interface UpdateSubscriptionInput {
  price?: Price;
  quantity?: number;
  prorationBehavior: 'create_prorations' | 'none' | 'always_invoice';
  cancelAtPeriodEnd?: boolean;
  metadata?: Record<string, string>;
  defaultPaymentMethod?: string;
}

/**
 * A price or quantity change prorates the rest of the period (`create_prorations`: added to the next
 * invoice; `always_invoice`: invoiced and charged now; `none`: nothing). A change of interval restarts
 * the period now and charges the new price at once. `cancel_at_period_end` sets or clears `cancel_at`.
 */
export function updateSubscription(core: SandboxCore, sub: Subscription, input: UpdateSubscriptionInput, request: RequestInfo): Subscription {
  assertNotCanceled(sub);
  const before = structuredClone(sub);
  const item = subscriptionItem(sub);
  const now = nowSeconds(core);
  let invoice: Invoice | undefined;
  if (input.metadata) sub.metadata = input.metadata;
  if (input.defaultPaymentMethod) sub.default_payment_method = input.defaultPaymentMethod;
  const newPrice = input.price ?? item.price;
  const newQuantity = input.quantity ?? item.quantity;
  if (newPrice.id !== item.price.id || newQuantity !== item.quantity) {
    if (newPrice.currency !== sub.currency) throw invalidRequest('Cannot combine currencies on a single customer.', { param: 'items[0][price]' });
    const old = { price: item.price, quantity: item.quantity };
    const intervalChanged = newPrice.recurring!.interval !== old.price.recurring!.interval || newPrice.recurring!.interval_count !== old.price.recurring!.interval_count;
    const span = Math.max(1, item.current_period_end - item.current_period_start);
    const fraction = Math.min(1, Math.max(0, (item.current_period_end - now) / span));
    const unused = Math.round(old.price.unit_amount * old.quantity * fraction);
    item.price = newPrice;
    item.quantity = newQuantity;
    if (sub.status === 'trialing') {
      // Nothing is charged during a trial.
    } else if (intervalChanged) {
      item.current_period_start = now;
      item.current_period_end = periodEnd(now, newPrice.recurring!);
      sub.billing_cycle_anchor = now;
      const lines = [line(sub, item, newPrice, newPrice.unit_amount * newQuantity, `${newQuantity} × ${productName(core, newPrice)}`, { start: now, end: item.current_period_end }, false)];
      if (input.prorationBehavior !== 'none' && unused > 0) {
        lines.push(line(sub, item, old.price, -unused, `Unused time on ${productName(core, old.price)}`, { start: now, end: before.items.data[0]!.current_period_end }, true));
      }
      invoice = createInvoice(core, sub, 'subscription_update', lines, { start: now, end: now });
    } else if (input.prorationBehavior !== 'none') {
      const remaining = Math.round(newPrice.unit_amount * newQuantity * fraction);
      const period = { start: now, end: item.current_period_end };
      const prorations = [
        { amount: -unused, description: `Unused time on ${old.quantity} × ${productName(core, old.price)}`, priceId: old.price.id },
        { amount: remaining, description: `Remaining time on ${newQuantity} × ${productName(core, newPrice)}`, priceId: newPrice.id },
      ];
      if (input.prorationBehavior === 'always_invoice') {
        invoice = createInvoice(core, sub, 'subscription_update', prorations.map((p) => line(sub, item, core.prices.get(p.priceId)!, p.amount, p.description, period, true)), period);
      } else {
        core.pendingProrations.set(sub.id, [...(core.pendingProrations.get(sub.id) ?? []), ...prorations]);
      }
    }
  }
  if (input.cancelAtPeriodEnd !== undefined) {
    sub.cancel_at_period_end = input.cancelAtPeriodEnd;
    sub.cancel_at = input.cancelAtPeriodEnd ? item.current_period_end : null;
    sub.canceled_at = input.cancelAtPeriodEnd ? now : null;
    sub.cancellation_details = { comment: null, feedback: null, reason: input.cancelAtPeriodEnd ? 'cancellation_requested' : null };
  }
  let paid = true;
  if (invoice) paid = payInvoiceQuietly(core, invoice, defaultCard(core, sub));
  if (!paid) sub.status = 'past_due';
  const previous = changedAttributes(before, sub);
  if (Object.keys(previous).length > 0) emit(core, 'customer.subscription.updated', sub, request, previous);
  if (invoice) emitInvoiceOutcome(core, invoice, request);
  return sub;
}

export function cancelSubscription(core: SandboxCore, sub: Subscription, request: RequestInfo, endedAt = nowSeconds(core)): Subscription {
  assertNotCanceled(sub);
  sub.status = 'canceled';
  sub.canceled_at ??= nowSeconds(core);
  sub.ended_at = endedAt;
  sub.cancel_at = null;
  sub.cancellation_details = { comment: null, feedback: null, reason: sub.cancellation_details?.reason ?? 'cancellation_requested' };
  core.pendingProrations.delete(sub.id);
  emit(core, 'customer.subscription.deleted', sub, request);
  return sub;
}

/**
 * Control: the subscription reaches the end of its period. A subscription set to cancel at period end is
 * canceled; otherwise the next period starts, its invoice (with any pending prorations) is charged to
 * `card` (a test card number or pm_card_* id) or the default payment method: paid → active, declined →
 * past_due.
 */
export function advanceSubscription(core: SandboxCore, sub: Subscription, card: string | undefined): { subscription: Subscription; invoice: Invoice | null } {
  assertNotCanceled(sub);
  const item = subscriptionItem(sub);
  const request: RequestInfo = { id: null, idempotencyKey: null };
  if (sub.cancel_at_period_end) return { subscription: cancelSubscription(core, sub, request, item.current_period_end), invoice: null };
  const chosen = card ? resolveCard(card) : defaultCard(core, sub);
  if (card && !chosen) throw invalidRequest(`Unknown test card or payment method: ${card}`, { param: 'card' });
  const before = structuredClone(sub);
  const start = item.current_period_end;
  const end = periodEnd(start, item.price.recurring!);
  item.current_period_start = start;
  item.current_period_end = end;
  if (sub.status === 'trialing') sub.trial_end = Math.min(sub.trial_end ?? start, start);
  const lines = [line(sub, item, item.price, item.price.unit_amount * item.quantity, `${item.quantity} × ${productName(core, item.price)}`, { start, end }, false)];
  for (const p of core.pendingProrations.get(sub.id) ?? []) {
    lines.push(line(sub, item, core.prices.get(p.priceId) ?? item.price, p.amount, p.description, { start: before.items.data[0]!.current_period_start, end: start }, true));
  }
  core.pendingProrations.delete(sub.id);
  const invoice = createInvoice(core, sub, 'subscription_cycle', lines, { start: before.items.data[0]!.current_period_start, end: start });
  const paid = payInvoiceQuietly(core, invoice, chosen);
  sub.status = paid ? 'active' : 'past_due';
  emit(core, 'customer.subscription.updated', sub, request, changedAttributes(before, sub));
  emitInvoiceOutcome(core, invoice, request);
  return { subscription: sub, invoice };
}

/** Control: retry an open invoice with a card; a paid invoice brings a past_due subscription back to active. */
export function retryInvoice(core: SandboxCore, invoice: Invoice, card: string | undefined): Invoice {
  const sub = core.subscriptions.get(invoice.parent.subscription_details.subscription);
  const chosen = card ? resolveCard(card) : sub ? defaultCard(core, sub) : undefined;
  if (card && !chosen) throw invalidRequest(`Unknown test card or payment method: ${card}`, { param: 'card' });
  const request: RequestInfo = { id: null, idempotencyKey: null };
  const paid = payInvoice(core, invoice, chosen, request);
  if (paid && sub && (sub.status === 'past_due' || sub.status === 'incomplete' || sub.status === 'unpaid')) {
    const stillOpen = [...core.invoices.values()].some((i) => i.parent.subscription_details.subscription === sub.id && i.status === 'open');
    if (!stillOpen) {
      const before = structuredClone(sub);
      sub.status = 'active';
      emit(core, 'customer.subscription.updated', sub, request, changedAttributes(before, sub));
    }
  }
  return invoice;
}
