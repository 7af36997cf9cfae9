import type { Redis } from 'ioredis';
import type { KeyRing } from '@vitrine/core/crypto';
import type { MlAccount, TenantClient } from '@vitrine/db';
import { createMlClient, type MlClient } from './client/client.ts';
import type { RetryOptions } from './http/retry.ts';
import { createOAuth } from './oauth/oauth.ts';
import { createRateLimiter } from './rate-limit/limiter.ts';
import { prismaTokenStore } from './store/token-store.ts';
import { createTokenManager } from './tokens/manager.ts';

export interface MlConfig {
  apiBaseUrl: string;
  /** Every site's authorization host replaced (the sandbox); unset in production. */
  authBaseUrl?: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  ratePerApp: number;
  ratePerSeller: number;
  /** Retries inside one call before the caller (a job) fails and is retried from its saved cursor. */
  retry?: RetryOptions;
}

/** The ML_* variables as parsed by @vitrine/core/env. */
export interface MlEnv {
  ML_API_BASE_URL: string;
  ML_AUTH_BASE_URL?: string;
  ML_CLIENT_ID: string;
  ML_CLIENT_SECRET: string;
  ML_REDIRECT_URI: string;
  ML_RATE_PER_APP: number;
  ML_RATE_PER_SELLER: number;
}

export function mlConfigFromEnv(env: MlEnv): MlConfig {
  return {
    apiBaseUrl: env.ML_API_BASE_URL,
    authBaseUrl: env.ML_AUTH_BASE_URL,
    clientId: env.ML_CLIENT_ID,
    clientSecret: env.ML_CLIENT_SECRET,
    redirectUri: env.ML_REDIRECT_URI,
    ratePerApp: env.ML_RATE_PER_APP,
    ratePerSeller: env.ML_RATE_PER_SELLER,
  };
}

/**
 * Everything that talks to ML, built once per process (web or worker) around one Redis client: OAuth
 * (state in Redis), the shared rate budget, token managers (refresh serialized per account) and clients.
 */
export function createMlServices(options: { redis: Redis; prefix: string; keyRing: KeyRing; config: MlConfig }) {
  const { redis, prefix, keyRing, config } = options;
  const oauth = createOAuth({
    redis,
    prefix,
    apiBaseUrl: config.apiBaseUrl,
    authBaseUrl: config.authBaseUrl,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    redirectUri: config.redirectUri,
  });
  const limiter = createRateLimiter({ redis, prefix, appId: config.clientId, perAppPerSecond: config.ratePerApp, perSellerPerSecond: config.ratePerSeller });

  const tokensFor = (tenantDb: TenantClient) => createTokenManager({ redis, prefix, store: prismaTokenStore(tenantDb), oauth, keyRing });

  /** A client for one connected account: its tokens (refreshed when due, once per account), the shared rate budget. */
  function clientFor(tenantDb: TenantClient, account: Pick<MlAccount, 'id' | 'mlUserId'>): MlClient {
    const tokens = tokensFor(tenantDb);
    return createMlClient({
      apiBaseUrl: config.apiBaseUrl,
      sellerId: Number(account.mlUserId),
      accessToken: () => tokens.accessToken(account.id),
      onAuthExpired: () => tokens.refreshAfterRejection(account.id),
      limiter,
      retry: config.retry ?? { retries: 8, baseDelayMs: 500, maxDelayMs: 30_000 },
    });
  }

  return { config, keyRing, oauth, limiter, tokensFor, clientFor };
}

export type MlServices = ReturnType<typeof createMlServices>;
