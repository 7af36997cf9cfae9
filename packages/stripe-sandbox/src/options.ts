import { z } from 'zod';

/** Waits between webhook attempts after a failure (Stripe retries for up to three days; locally, minutes). */
export const DEFAULT_WEBHOOK_RETRY_SCHEDULE = [1_000, 5_000, 25_000, 120_000, 600_000];

export const seedPriceSchema = z.object({
  id: z.string().regex(/^price_[A-Za-z0-9_]+$/, 'price ids start with price_').optional(),
  lookupKey: z.string().min(1).optional(),
  productName: z.string().min(1),
  currency: z.string().length(3),
  unitAmount: z.number().int().min(0),
  interval: z.enum(['day', 'week', 'month', 'year']).optional(),
  intervalCount: z.number().int().min(1).optional(),
});
export type SeedPrice = z.input<typeof seedPriceSchema>;

export const sandboxOptionsSchema = z.object({
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.string().default('127.0.0.1'),
  /** The one secret key requests must carry (`Authorization: Bearer sk_test_...`). */
  secretKey: z.string().regex(/^sk_test_\S+$/, 'secretKey must be a test key (sk_test_...)'),
  /** Where events are posted; none = events are only recorded (see /_sandbox/events). */
  webhookUrl: z.url().optional(),
  /** The endpoint secret that signs events (whsec_...). */
  webhookSecret: z.string().regex(/^whsec_\S+$/, 'webhookSecret must look like whsec_...').default('whsec_sandbox_default_secret'),
  webhookRetrySchedule: z.array(z.number().int().min(0)).default(DEFAULT_WEBHOOK_RETRY_SCHEDULE),
  webhookTimeoutMs: z.number().int().positive().default(10_000),
  /** Prices that exist from the start (kept across /_sandbox/reset), e.g. the platform's plans. */
  prices: z.array(seedPriceSchema).default([]),
  /** The API version stamped on events; the SDK's pinned version by default. */
  apiVersion: z.string().optional(),
  /** Public base URL for hosted pages when it differs from the listening address (a proxy). */
  publicUrl: z.url().optional(),
  clock: z.custom<() => number>((value) => typeof value === 'function').optional(),
});
export type StripeSandboxOptions = z.input<typeof sandboxOptionsSchema>;
