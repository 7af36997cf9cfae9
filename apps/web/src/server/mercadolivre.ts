import { createMlServices, mlConfigFromEnv, type MlServices } from '@vitrine/mercadolivre';
import { getEnv } from './env.ts';
import { getRedis } from './redis.ts';
import { redisPrefix } from './tenant-resolver.ts';

const globalForMl = globalThis as unknown as { vitrineMl?: MlServices };

/**
 * Mercado Livre services (OAuth state in Redis, the shared rate budget, token managers), built once per
 * process. The ML keys live under the deployment's prefix without its trailing colon (`vitrine` →
 * `vitrine:ml:*`), the same keys the worker uses, so both share one rate budget and one refresh lock per account.
 */
export function getMlServices(): MlServices {
  if (globalForMl.vitrineMl) return globalForMl.vitrineMl;
  const env = getEnv();
  return (globalForMl.vitrineMl = createMlServices({
    redis: getRedis(),
    prefix: redisPrefix.replace(/:+$/, ''),
    keyRing: env.DATA_ENCRYPTION_KEYS,
    config: mlConfigFromEnv(env),
  }));
}
