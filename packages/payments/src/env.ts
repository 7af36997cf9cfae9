import { z } from 'zod';

/**
 * The Stripe variables. STRIPE_API_BASE is set only to point the SDK somewhere other than Stripe (the local
 * sandbox: http://127.0.0.1:12111); unset, the SDK talks to Stripe itself.
 */
const emptyAsUnset = (value: unknown) => (value === '' ? undefined : value);

export const stripeEnvSchema = z.object({
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\S+$/, 'must be a Stripe secret key (sk_test_..., sk_live_... or a restricted rk_... key)'),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\S+$/, "must be the webhook endpoint's signing secret (whsec_...)"),
  STRIPE_API_BASE: z.preprocess(
    emptyAsUnset,
    z.url({ protocol: /^https?$/ }).refine((value) => new URL(value).pathname === '/', 'must be a base URL without a path, e.g. http://127.0.0.1:12111').optional(),
  ),
});

export type StripeEnv = z.output<typeof stripeEnvSchema>;

export class StripeConfigError extends Error {
  override name = 'StripeConfigError';
}

function parse<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.output<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw new StripeConfigError(`Invalid Stripe configuration: ${problems}`);
}

/** Every Stripe variable (the worker and API code that call Stripe). */
export function stripeEnv(env: Record<string, string | undefined> = process.env): StripeEnv {
  return parse(stripeEnvSchema, env);
}

/** Only the signing secret (the webhook route, which never calls Stripe). */
export function stripeWebhookSecret(env: Record<string, string | undefined> = process.env): string {
  return parse(stripeEnvSchema.pick({ STRIPE_WEBHOOK_SECRET: true }), env).STRIPE_WEBHOOK_SECRET;
}
