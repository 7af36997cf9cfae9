import { z } from 'zod';

/** Reference §2: 8 attempts spread over 60 minutes (schedule unconfirmed): 7 waits summing to one hour. */
export const DEFAULT_NOTIFICATION_RETRY_SCHEDULE = [60_000, 120_000, 240_000, 480_000, 600_000, 900_000, 1_200_000];

export const applicationSchema = z.object({
  clientId: z.string().regex(/^\d+$/, 'clientId: ML application ids are numeric'),
  clientSecret: z.string().min(1),
  redirectUris: z.array(z.url()).min(1),
  notificationsUrl: z.url().optional(),
  /** Shown on the authorization page. */
  name: z.string().min(1).optional(),
  /** PKCE enabled in the app's settings: code_challenge becomes mandatory (reference §1). */
  pkceRequired: z.boolean().default(false),
});
export type SandboxApplication = z.input<typeof applicationSchema>;

export const sandboxOptionsSchema = z.object({
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.string().default('127.0.0.1'),
  applications: z.array(applicationSchema).min(1),
  tokenLifetimeSeconds: z.number().int().positive().default(21_600),
  pageLimits: z.object({
    ordersMax: z.number().int().positive().default(50),
    questionsMax: z.number().int().positive().default(50),
    itemsMax: z.number().int().positive().default(100),
    messagesMax: z.number().int().positive().default(100),
    /** Item search without scan mode stops here (reference §5). */
    itemsOffsetMax: z.number().int().positive().default(1_000),
  }).prefault({}),
  rateLimit: z.object({
    perAppPerSecond: z.number().positive().optional(),
    perSellerPerSecond: z.number().positive().optional(),
  }).optional(),
  notificationRetrySchedule: z.array(z.number().int().min(0)).default(DEFAULT_NOTIFICATION_RETRY_SCHEDULE),
  /** A callback slower than this counts as failed (reference §2: 500 ms). */
  notificationTimeoutMs: z.number().int().positive().default(500),
  notificationConcurrency: z.number().int().positive().default(16),
  /** Time source for token expiry, code lifetime and missed-feed retention; tests may pass a fake clock. */
  clock: z.custom<() => number>((value) => typeof value === 'function').optional(),
});
export type SandboxOptions = z.input<typeof sandboxOptionsSchema>;
export type ResolvedSandboxOptions = z.output<typeof sandboxOptionsSchema>;
