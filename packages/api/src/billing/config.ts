import { TRPCError } from '@trpc/server';
import { stripeClient, stripeEnvSchema, type Stripe } from '@vitrine/payments';
import { wholeNumberFromEnv } from '../lib/env-number.ts';

/** Days a store stays PAST_DUE (fully working) after a failed renewal before it is RESTRICTED. */
export const DEFAULT_GRACE_DAYS = 7;

/** BILLING_GRACE_DAYS (whole days, 0–60), default 7; a malformed value falls back to the default. */
export function graceDays(env: Record<string, string | undefined> = process.env): number {
  return wholeNumberFromEnv(env.BILLING_GRACE_DAYS, { min: 0, max: 60, fallback: DEFAULT_GRACE_DAYS });
}

const platformKeys = stripeEnvSchema.pick({ STRIPE_SECRET_KEY: true, STRIPE_API_BASE: true });

/**
 * The official SDK for the PLATFORM's Stripe account (the stores' plan subscriptions live there), from
 * STRIPE_SECRET_KEY and STRIPE_API_BASE (the local sandbox). Without a key the billing actions refuse with a
 * sentence (PRECONDITION_FAILED).
 */
export function platformStripe(env: Record<string, string | undefined> = process.env): Stripe {
  const parsed = platformKeys.safeParse(env);
  if (!parsed.success) {
    throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Paid plans are not available on this platform yet (Stripe is not configured).' });
  }
  return stripeClient({ secretKey: parsed.data.STRIPE_SECRET_KEY, apiBase: parsed.data.STRIPE_API_BASE });
}
