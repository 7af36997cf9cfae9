/**
 * The Stripe sandbox as a standalone process, for the demo and browser tests:
 *   pnpm --filter @vitrine/stripe-sandbox sandbox
 * Env: STRIPE_SANDBOX_PORT (12111), STRIPE_SECRET_KEY (sk_test_...), STRIPE_WEBHOOK_SECRET (whsec_...),
 * STRIPE_WEBHOOK_URL (where events are posted; optional), STRIPE_SANDBOX_PUBLIC_URL (optional).
 * Drive it over HTTP under /_sandbox/* (events, resend, subscription renewals, reset): see src/README.md.
 */
import { z } from 'zod';
import { PLATFORM_PLAN_PRICES, startStripeSandbox } from '../src/index.ts';

const optionalUrl = z.preprocess((value) => (value === '' ? undefined : value), z.url().optional());
const env = z.object({
  STRIPE_SANDBOX_PORT: z.coerce.number().int().min(0).max(65_535).default(12111),
  STRIPE_SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
  STRIPE_SECRET_KEY: z.string().regex(/^sk_test_\S+$/, 'STRIPE_SECRET_KEY must be a test key (sk_test_...)').default('sk_test_vitrine_sandbox'),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\S+$/, 'STRIPE_WEBHOOK_SECRET must look like whsec_...').default('whsec_vitrine_sandbox'),
  STRIPE_WEBHOOK_URL: optionalUrl,
  STRIPE_SANDBOX_PUBLIC_URL: optionalUrl,
});

const parsed = env.safeParse(process.env);
if (!parsed.success) {
  console.error(`stripe-sandbox: invalid environment: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  process.exit(1);
}
const config = parsed.data;


const sandbox = await startStripeSandbox({
  port: config.STRIPE_SANDBOX_PORT,
  host: config.STRIPE_SANDBOX_HOST,
  secretKey: config.STRIPE_SECRET_KEY,
  webhookSecret: config.STRIPE_WEBHOOK_SECRET,
  ...(config.STRIPE_WEBHOOK_URL ? { webhookUrl: config.STRIPE_WEBHOOK_URL } : {}),
  ...(config.STRIPE_SANDBOX_PUBLIC_URL ? { publicUrl: config.STRIPE_SANDBOX_PUBLIC_URL } : {}),
  prices: PLATFORM_PLAN_PRICES,
});

console.log(`stripe-sandbox listening on ${sandbox.url}`);
console.log(`  events → ${config.STRIPE_WEBHOOK_URL ?? '(recorded only: set STRIPE_WEBHOOK_URL)'}`);
for (const price of PLATFORM_PLAN_PRICES) console.log(`  price ${price.id} (${price.lookupKey}): ${(price.unitAmount / 100).toFixed(2)} ${price.currency.toUpperCase()}/${price.interval}`);
console.log('  test cards: 4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined; 4000 0000 0000 9995 has insufficient funds');

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`stripe-sandbox: ${signal}, stopping`);
  await sandbox.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
