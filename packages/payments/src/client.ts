import Stripe from 'stripe';

/**
 * The API version every Vitrine call and webhook payload uses. Pinned here, not taken from the SDK's
 * default, so an SDK upgrade cannot change object shapes silently: raising it is a deliberate change
 * (and the webhook endpoint's version in the Stripe dashboard must match).
 */
export const STRIPE_API_VERSION = '2026-10-28.endive' as const;

export interface StripeClientConfig {
  secretKey: string;
  /** STRIPE_API_BASE: another host for the API (the local sandbox); unset = Stripe. */
  apiBase?: string;
  /** Per-request timeout (default 20 s). */
  timeoutMs?: number;
  /** Retries of network errors and 409/429/5xx, with the SDK's backoff and idempotency keys (default 2). */
  maxNetworkRetries?: number;
}

type StripeOptions = NonNullable<ConstructorParameters<typeof Stripe>[1]>;

/** host / port / protocol for the SDK from a base URL such as http://127.0.0.1:12111. */
export function endpointOptions(apiBase: string): Pick<StripeOptions, 'host' | 'port' | 'protocol'> {
  const url = new URL(apiBase);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`STRIPE_API_BASE must be http(s), got ${url.protocol}`);
  if (url.pathname !== '/' || url.search) throw new Error('STRIPE_API_BASE must be a base URL without a path (the SDK adds /v1/...).');
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol };
}

/** The official SDK, configured the one way Vitrine uses it. */
export function stripeClient(config: StripeClientConfig): Stripe {
  return new Stripe(config.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    timeout: config.timeoutMs ?? 20_000,
    maxNetworkRetries: config.maxNetworkRetries ?? 2,
    appInfo: { name: 'Vitrine' },
    ...(config.apiBase ? endpointOptions(config.apiBase) : {}),
  });
}
