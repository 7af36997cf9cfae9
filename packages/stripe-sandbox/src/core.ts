import type { Deliverer, RequestInfo, StripeEvent } from './events.ts';
import type { Charge, CheckoutSession, Customer, Invoice, LineItem, Metadata, PaymentIntent, PortalSession, Price, Refund, Subscription } from './model.ts';

/** The sandbox's state: every object by id, the clock and the event deliverer. Handlers change it in place. */
export interface SandboxCore {
  clock: () => number;
  /** Public base URL (hosted pages link here). */
  baseUrl: string;
  deliverer: Deliverer;
  products: Map<string, { id: string; name: string }>;
  prices: Map<string, Price>;
  customers: Map<string, Customer>;
  paymentIntents: Map<string, PaymentIntent>;
  charges: Map<string, Charge>;
  refunds: Map<string, Refund>;
  sessions: Map<string, CheckoutSession>;
  subscriptions: Map<string, Subscription>;
  invoices: Map<string, Invoice>;
  portalSessions: Map<string, PortalSession>;
  /** What a Checkout Session needs for its page and its PaymentIntent, not part of the session object. */
  sessionDetails: Map<string, { lines: LineItem[]; intentMetadata: Metadata; intentDescription: string | null }>;
  /** Proration amounts waiting for a subscription's next invoice. */
  pendingProrations: Map<string, { amount: number; description: string; priceId: string }[]>;
  invoiceCounter: number;
}

/** Unix seconds on the sandbox clock. */
export const nowSeconds = (core: SandboxCore): number => Math.floor(core.clock() / 1000);

/** Events caused by the sandbox itself (the hosted page, renewals) carry no request. */
export const NO_REQUEST: RequestInfo = { id: null, idempotencyKey: null };

export function emit(core: SandboxCore, type: string, object: unknown, request: RequestInfo, previous?: Record<string, unknown>): StripeEvent {
  return core.deliverer.emit(type, object, request, previous);
}

/** The attributes of `before` that differ in `after` (what Stripe sends as `previous_attributes`). */
export function changedAttributes<T extends object>(before: T, after: T): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(before) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) previous[key as string] = before[key];
  }
  return previous;
}

export function clearState(core: SandboxCore, keepPrices: Set<string>): void {
  for (const id of [...core.prices.keys()]) if (!keepPrices.has(id)) core.prices.delete(id);
  const keptProducts = new Set([...core.prices.values()].map((price) => price.product));
  for (const id of [...core.products.keys()]) if (!keptProducts.has(id)) core.products.delete(id);
  core.customers.clear();
  core.paymentIntents.clear();
  core.charges.clear();
  core.refunds.clear();
  core.sessions.clear();
  core.subscriptions.clear();
  core.invoices.clear();
  core.portalSessions.clear();
  core.sessionDetails.clear();
  core.pendingProrations.clear();
}
