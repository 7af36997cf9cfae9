// Creates the demo data in DATABASE_URL (owner connection) and prints where to go and how to sign in.
// Safe to run again: rows that exist are left as they are.
import { pickEnv } from '@vitrine/core/env';
import { describeSeed, seed } from '../src/seed.ts';

process.env.PLATFORM_DOMAIN ||= 'localhost';
process.env.APP_URL ||= 'http://localhost:3000';
const env = pickEnv('DATABASE_URL', 'PLATFORM_DOMAIN', 'APP_URL', 'DATA_ENCRYPTION_KEYS');

/** With the local Stripe sandbox standing in for Stripe (test keys), the demo stores take its keys as their own. */
function demoPayments() {
  const { STRIPE_API_BASE: base, STRIPE_SECRET_KEY: secretKey, STRIPE_WEBHOOK_SECRET: webhookSecret } = process.env;
  if (!base || !secretKey?.startsWith('sk_test_') || !webhookSecret?.startsWith('whsec_')) return undefined;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(new URL(base).hostname)) return undefined;
  return { publishableKey: 'pk_test_vitrine_local_sandbox', secretKey, webhookSecret, keyRing: env.DATA_ENCRYPTION_KEYS };
}

try {
  const result = await seed({ databaseUrl: env.DATABASE_URL, platformDomain: env.PLATFORM_DOMAIN, appUrl: env.APP_URL, demoPayments: demoPayments() });
  console.log(describeSeed(result));
} catch (error) {
  // Prisma's messages start with the call that failed; the last line says why.
  const message = (error instanceof Error ? error.message : String(error)).trim().split('\n').pop();
  console.error(`Could not seed the database at ${new URL(env.DATABASE_URL).host}: ${message}`);
  console.error('Run the migrations first (pnpm --filter @vitrine/db migrate) if the tables are missing.');
  process.exit(1);
}
