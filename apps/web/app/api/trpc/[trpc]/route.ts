import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter, createContext, tenantAccessResponseMeta } from '@vitrine/api';
import { currentUser } from '../../../../src/server/auth.ts';
import { getDb } from '../../../../src/server/db.ts';
import { desktopIdentity } from '../../../../src/server/desktop-auth.ts';
import { getMlServices } from '../../../../src/server/mercadolivre.ts';
import { getRedis } from '../../../../src/server/redis.ts';
import { getTenantResolver, redisPrefix } from '../../../../src/server/tenant-resolver.ts';
import { getEnv } from '../../../../src/server/env.ts';
import { getStorage } from '../../../../src/server/storage.ts';
import { clientIp, IMPERSONATION_COOKIE, TENANT_COOKIE } from '../../../../src/server/request.ts';
import { isCrossOriginWrite } from '../../../../src/server/same-origin.ts';

const CROSS_ORIGIN_REFUSED = {
  error: { message: 'This request came from another site and was refused.', code: -32003, data: { code: 'FORBIDDEN', httpStatus: 403 } },
};

/** Cookie requests: the signed-in session and the store chosen in the admin (cookie, else x-tenant-id). */
async function browserIdentity(req: Request) {
  const user = await currentUser();
  const cookie = req.headers.get('cookie') ?? '';
  const tenantCookie = cookie.split(/;\s*/).find((c) => c.startsWith(`${TENANT_COOKIE}=`));
  const impersonationCookie = cookie.split(/;\s*/).find((c) => c.startsWith(`${IMPERSONATION_COOKIE}=`));
  return {
    user: user ? { id: user.id, email: user.email, platformRole: user.platformRole } : null,
    activeTenantId: tenantCookie ? decodeURIComponent(tenantCookie.slice(TENANT_COOKIE.length + 1)) : req.headers.get('x-tenant-id'),
    impersonationGrantId: impersonationCookie ? decodeURIComponent(impersonationCookie.slice(IMPERSONATION_COOKIE.length + 1)) : null,
  };
}

function handler(req: Request) {
  // Applies to every request with cookies, bearer or not (a desktop request carries none, so it passes).
  if (isCrossOriginWrite(req.method, req.headers)) return Response.json(CROSS_ORIGIN_REFUSED, { status: 403 });
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    responseMeta: tenantAccessResponseMeta,
    async createContext() {
      // The desktop app's bearer token (a bad one: 401 for every call of the batch), else the session cookie.
      const identity = (await desktopIdentity(getDb().platform, req.headers)) ?? (await browserIdentity(req));
      return createContext({
        db: getDb(),
        redis: getRedis(),
        requestId: req.headers.get('x-request-id') ?? undefined,
        sessionUser: identity.user,
        host: req.headers.get('host') ?? '',
        activeTenantId: identity.activeTenantId,
        impersonationGrantId: 'impersonationGrantId' in identity ? identity.impersonationGrantId : null,
        ip: clientIp(req.headers),
        tenantResolver: getTenantResolver(),
        mercadolivre: getMlServices(),
        redisPrefix,
        appUrl: getEnv().APP_URL,
        storage: getStorage(),
      });
    },
  });
}

export { handler as GET, handler as POST };
