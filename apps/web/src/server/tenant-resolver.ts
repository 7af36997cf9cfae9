import { createLogger } from '@vitrine/core/logger';
import { createTenantResolver, type TenantResolver } from '@vitrine/api';
import { db } from './db.ts';
import { env } from './env.ts';
import { redis } from './redis.ts';

/** Redis key prefix of this deployment (cache, invalidation channel, rate limits); end-to-end runs use their own. */
export const redisPrefix = process.env.VITRINE_REDIS_PREFIX || 'vitrine:';

const globalForResolver = globalThis as unknown as { vitrineTenantResolver?: TenantResolver };

export const tenantResolver: TenantResolver =
  globalForResolver.vitrineTenantResolver ??
  (globalForResolver.vitrineTenantResolver = createTenantResolver({
    db,
    redis,
    platformDomain: env.PLATFORM_DOMAIN,
    keyPrefix: redisPrefix,
    log: createLogger('web').child({ component: 'tenant-resolver' }),
  }));
