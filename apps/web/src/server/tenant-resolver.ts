import { createLogger } from '@vitrine/core/logger';
import { createTenantResolver, type TenantResolver } from '@vitrine/api';
import { getDb } from './db.ts';
import { getEnv } from './env.ts';
import { getRedis } from './redis.ts';

/** Redis key prefix of this deployment (cache, invalidation channel, rate limits); end-to-end runs use their own. */
export const redisPrefix = process.env.VITRINE_REDIS_PREFIX || 'vitrine:';

// Module-level on purpose (not globalThis): Next bundles route handlers and pages separately, and each must
// get TenantAccessError from its own copy of @vitrine/api for the error mapping to recognise it.
let resolver: TenantResolver | undefined;

export function getTenantResolver(): TenantResolver {
  return (resolver ??= createTenantResolver({
    db: getDb(),
    redis: getRedis(),
    platformDomain: getEnv().PLATFORM_DOMAIN,
    keyPrefix: redisPrefix,
    log: createLogger('web').child({ component: 'tenant-resolver' }),
  }));
}
