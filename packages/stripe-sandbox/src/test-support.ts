import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { startStripeSandbox, type StripeSandbox, type StripeSandboxOptions } from './index.ts';

/** Shared by the sandbox's own tests: a sandbox, the real SDK pointed at it, and a webhook receiver. */
export const TEST_SECRET_KEY = 'sk_test_sandbox_tests_0123456789';
export const TEST_WEBHOOK_SECRET = 'whsec_sandbox_tests_0123456789';

export const PLAN_PRICES = [
  { id: 'price_test_basic_monthly', lookupKey: 'basic_monthly', productName: 'Basic', currency: 'brl', unitAmount: 3_000, interval: 'month' as const },
  { id: 'price_test_pro_monthly', lookupKey: 'pro_monthly', productName: 'Pro', currency: 'brl', unitAmount: 9_000, interval: 'month' as const },
  { id: 'price_test_pro_yearly', lookupKey: 'pro_yearly', productName: 'Pro', currency: 'brl', unitAmount: 90_000, interval: 'year' as const },
];

export async function startTestSandbox(extra: Partial<StripeSandboxOptions> = {}): Promise<StripeSandbox> {
  return startStripeSandbox({ secretKey: TEST_SECRET_KEY, webhookSecret: TEST_WEBHOOK_SECRET, prices: PLAN_PRICES, webhookRetrySchedule: [50, 100, 200], ...extra });
}

/** The official SDK, pointed at the sandbox exactly as production code points it at a base URL. */
export function sdkFor(sandbox: StripeSandbox, key = TEST_SECRET_KEY): Stripe {
  return new Stripe(key, { ...sandbox.sdkOptions, maxNetworkRetries: 0, timeout: 10_000 });
}

export interface ReceivedWebhook {
  body: string;
  signature: string;
  status: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Answer this status to the next `count` deliveries (then 200 again). */
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let failures = 0;
  let failStatus = 500;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = failures > 0 ? (failures--, failStatus) : 200;
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers['stripe-signature'] ?? ''), status });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ received: status === 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/webhooks/stripe`,
    received,
    failNext(count, status = 500) {
      failures = count;
      failStatus = status;
    },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** Posts the hosted Checkout form as a browser would (no redirect following). */
export async function submitCheckoutForm(url: string, fields: { email?: string; cardNumber: string; cardExpiry?: string; cardCvc?: string }): Promise<Response> {
  const form = new URLSearchParams({
    email: fields.email ?? 'buyer@example.com',
    cardNumber: fields.cardNumber,
    cardExpiry: fields.cardExpiry ?? '12 / 34',
    cardCvc: fields.cardCvc ?? '123',
  });
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(), redirect: 'manual' });
}

export const eventTypes = (sandbox: StripeSandbox) => sandbox.events().map((record) => record.event.type);
