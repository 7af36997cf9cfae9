import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { advanceSubscription, retryInvoice } from './billing.ts';
import { expireDueSessions } from './checkout.ts';
import { controlRoutes } from './control-routes.ts';
import { clearState, type SandboxCore } from './core.ts';
import { Deliverer, type EventRecord, type StripeEvent } from './events.ts';
import { IdempotencyStore } from './idempotency.ts';
import type { Invoice, Subscription } from './model.ts';
import { sandboxOptionsSchema, type StripeSandboxOptions } from './options.ts';
import { addPrice, billingRoutes } from './routes/billing.ts';
import { checkoutRoutes } from './routes/checkout.ts';
import { pageRoutes } from './routes/pages.ts';
import { paymentRoutes } from './routes/payments.ts';
import { createDispatcher, listen } from './server.ts';

export type { StripeSandboxOptions, SeedPrice } from './options.ts';
export type { StripeEvent, EventRecord, DeliveryAttempt } from './events.ts';
export { DEFAULT_WEBHOOK_RETRY_SCHEDULE } from './options.ts';
export { TEST_CARDS } from './cards.ts';
export { PLATFORM_PLAN_PRICES } from './plan-prices.ts';

export interface StripeSandbox {
  /** Base URL, e.g. http://127.0.0.1:4242 */
  url: string;
  host: string;
  port: number;
  /** What to give the SDK: `new Stripe(key, { ...sandbox.sdkOptions })`. */
  sdkOptions: { host: string; port: number; protocol: 'http' };
  secretKey: string;
  webhookSecret: string;
  /** Every event so far, oldest first, with its delivery attempts. */
  events(): EventRecord[];
  event(id: string): StripeEvent | undefined;
  resendEvent(id: string): EventRecord | undefined;
  /** Resolves once no webhook is being sent or waiting for a retry. */
  deliveriesIdle(): Promise<void>;
  configureWebhook(change: { url?: string | null; secret?: string }): void;
  advanceSubscription(id: string, card?: string): { subscription: Subscription; invoice: Invoice | null };
  payInvoice(id: string, card?: string): Invoice;
  /** Forgets every object, event and idempotency key (prices given at start-up stay). */
  reset(): void;
  stop(): Promise<void>;
}

/** Starts the local Stripe stand-in: Stripe's paths, bodies and errors for the calls Vitrine makes. */
export async function startStripeSandbox(rawOptions: StripeSandboxOptions): Promise<StripeSandbox> {
  const options = sandboxOptionsSchema.parse(rawOptions);
  const clock = options.clock ?? Date.now;
  const deliverer = new Deliverer({
    endpoint: { url: options.webhookUrl ?? null, secret: options.webhookSecret },
    retrySchedule: options.webhookRetrySchedule,
    timeoutMs: options.webhookTimeoutMs,
    apiVersion: options.apiVersion ?? Stripe.API_VERSION,
    clock,
  });
  const core: SandboxCore = {
    clock, baseUrl: '', deliverer,
    products: new Map(), prices: new Map(), customers: new Map(), paymentIntents: new Map(), charges: new Map(), refunds: new Map(),
    sessions: new Map(), subscriptions: new Map(), invoices: new Map(), portalSessions: new Map(), sessionDetails: new Map(),
    pendingProrations: new Map(), invoiceCounter: 0,
  };
  for (const seed of options.prices) {
    addPrice(core, {
      ...(seed.id ? { id: seed.id } : {}), currency: seed.currency, unitAmount: seed.unitAmount, productName: seed.productName,
      lookupKey: seed.lookupKey ?? null, ...(seed.interval ? { interval: seed.interval, intervalCount: seed.intervalCount ?? 1 } : {}),
    });
  }
  const seededPrices = new Set(core.prices.keys());
  const idempotency = new IdempotencyStore(clock);
  const reset = () => {
    clearState(core, seededPrices);
    deliverer.reset();
    idempotency.clear();
  };
  const dispatcher = createDispatcher({
    core, secretKey: options.secretKey, idempotency,
    routes: [...checkoutRoutes, ...paymentRoutes, ...billingRoutes, ...pageRoutes, ...controlRoutes({ core, reset })],
    beforeEach: () => expireDueSessions(core),
  });
  const server = await listen((req, res) => dispatcher.handle(req, res), options.port, options.host);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host}:${port}`;
  core.baseUrl = options.publicUrl?.replace(/\/+$/, '') ?? url;
  let stopping: Promise<void> | undefined;

  const find = <T>(map: Map<string, T>, id: string, kind: string): T => {
    const found = map.get(id);
    if (!found) throw new Error(`No such ${kind}: ${id}`);
    return found;
  };

  return {
    url, host: options.host, port,
    sdkOptions: { host: options.host, port, protocol: 'http' },
    secretKey: options.secretKey,
    get webhookSecret() {
      return deliverer.endpoint.secret;
    },
    events: () => [...deliverer.records],
    event: (id) => deliverer.get(id)?.event,
    resendEvent: (id) => deliverer.resend(id),
    deliveriesIdle: () => deliverer.idle(),
    configureWebhook: (change) => void deliverer.configure({ ...(change.url !== undefined ? { url: change.url } : {}), ...(change.secret ? { secret: change.secret } : {}) }),
    advanceSubscription: (id, card) => advanceSubscription(core, find(core.subscriptions, id, 'subscription'), card),
    payInvoice: (id, card) => retryInvoice(core, find(core.invoices, id, 'invoice'), card),
    reset,
    stop: () => {
      stopping ??= new Promise<void>((resolve) => {
        deliverer.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}

