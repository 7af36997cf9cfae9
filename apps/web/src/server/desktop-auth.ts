import { userFromAuthorization, type SessionUser } from '@vitrine/api';
import type { PlatformDb } from '@vitrine/db';

export interface DesktopIdentity {
  user: SessionUser;
  /** The store the desktop app works on: the x-tenant-id header (a bearer request carries no cookies). */
  activeTenantId: string | null;
}

/**
 * Who a request with `Authorization: Bearer vtd_…` (the desktop app) is: null when the request carries no
 * bearer token (it is then a browser request, authenticated by its session cookie), its user and store when
 * the token is live, and a 401 UNAUTHORIZED TRPCError with a sentence when it is unknown or revoked. The
 * resolution itself is @vitrine/api's userFromAuthorization, the same function the API tests use.
 *
 * A bearer request is never mixed with a cookie session: the token decides the user even if cookies ride
 * along, and the store comes only from x-tenant-id. The Origin check (same-origin.ts) keeps applying to any
 * request with cookies, so sending an Authorization header does not switch it off.
 */
export async function desktopIdentity(db: PlatformDb, headers: Headers, now = new Date()): Promise<DesktopIdentity | null> {
  const user = await userFromAuthorization(db, headers.get('authorization'), now);
  if (!user) return null;
  return { user, activeTenantId: headers.get('x-tenant-id')?.trim() || null };
}
