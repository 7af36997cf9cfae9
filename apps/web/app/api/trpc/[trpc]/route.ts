import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter, createContext, tenantAccessResponseMeta } from '@vitrine/api';
import { currentUser } from '../../../../src/server/auth.ts';
import { getDb } from '../../../../src/server/db.ts';
import { getMlServices } from '../../../../src/server/mercadolivre.ts';
import { getRedis } from '../../../../src/server/redis.ts';
import { getTenantResolver } from '../../../../src/server/tenant-resolver.ts';
import { clientIp, TENANT_COOKIE } from '../../../../src/server/request.ts';
import { isCrossOriginWrite } from '../../../../src/server/same-origin.ts';

const CROSS_ORIGIN_REFUSED = {
  error: { message: 'This request came from another site and was refused.', code: -32003, data: { code: 'FORBIDDEN', httpStatus: 403 } },
};

function handler(req: Request) {
  if (isCrossOriginWrite(req.method, req.headers)) return Response.json(CROSS_ORIGIN_REFUSED, { status: 403 });
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    responseMeta: tenantAccessResponseMeta,
    async createContext() {
      const user = await currentUser();
      const cookie = req.headers.get('cookie') ?? '';
      const tenantCookie = cookie.split(/;\s*/).find((c) => c.startsWith(`${TENANT_COOKIE}=`));
      return createContext({
        db: getDb(),
        redis: getRedis(),
        requestId: req.headers.get('x-request-id') ?? undefined,
        sessionUser: user ? { id: user.id, email: user.email, platformRole: user.platformRole } : null,
        host: req.headers.get('host') ?? '',
        activeTenantId: tenantCookie ? decodeURIComponent(tenantCookie.slice(TENANT_COOKIE.length + 1)) : req.headers.get('x-tenant-id'),
        ip: clientIp(req.headers),
        tenantResolver: getTenantResolver(),
        mercadolivre: getMlServices(),
      });
    },
  });
}

export { handler as GET, handler as POST };
