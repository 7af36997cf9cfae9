import { appRouter, createCallerFactory, createContext } from '@vitrine/api';
import { currentUser } from './auth.ts';
import { getDb } from './db.ts';
import { getMlServices } from './mercadolivre.ts';
import { getRedis } from './redis.ts';
import { getTenantResolver, redisPrefix } from './tenant-resolver.ts';
import { getEnv } from './env.ts';
import { getStorage } from './storage.ts';
import { requestInfo } from './request.ts';

const createCaller = createCallerFactory(appRouter);

/** The shared router called directly from server components and actions, as the signed-in person. */
export async function serverCaller(overrides: { host?: string; activeTenantId?: string | null } = {}) {
  const [info, user] = await Promise.all([requestInfo(), currentUser()]);
  return createCaller(
    createContext({
      db: getDb(),
      redis: getRedis(),
      requestId: info.requestId,
      sessionUser: user ? { id: user.id, email: user.email, platformRole: user.platformRole } : null,
      host: overrides.host ?? info.host,
      activeTenantId: overrides.activeTenantId !== undefined ? overrides.activeTenantId : info.activeTenantId,
      impersonationGrantId: info.impersonationGrantId,
      ip: info.ip,
      tenantResolver: getTenantResolver(),
      mercadolivre: getMlServices(),
      redisPrefix,
      appUrl: getEnv().APP_URL,
      storage: getStorage(),
    }),
  );
}
