import { createLogger } from '@vitrine/core/logger';
import { createTenantResolver, type TenantResolver } from '@vitrine/api';
import { db } from './db.ts';
import { env } from './env.ts';
import { redis } from './redis.ts';

/** Redis key prefix of this deployment (cache, invalidation channel, rate limits); end-to-end runs use their own. */
export const redisPrefix = process.env.VITRINE_REDIS_PREFIX || 'vitrine:';

// Module-level on purpose (not globalThis): Next bundles route handlers and pages separately, and each must
// get TenantAccessError from its own copy of @vitrine/api for the error mapping to recognise it.
export const tenantResolver: TenantResolver = createTenantResolver({
  db,
  redis,
  platformDomain: env.PLATFORM_DOMAIN,
  keyPrefix: redisPrefix,
  log: createLogger('web').child({ component: 'tenant-resolver' }),
});
