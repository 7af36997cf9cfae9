import { NextResponse, type NextRequest } from 'next/server';
import { isPartnerAdminHost } from './src/partners/admin-hosts.ts';
import { STORE_PREFIX, isSharedPath, routeForHost, storePath } from './src/routing/host-route.ts';

/**
 * Host routing: stores are rewritten to the internal /store/{host} routes. The platform domain and a partner's
 * admin domain (white-label: the admin under the partner's brand) serve the app's own pages.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (isSharedPath(pathname)) return NextResponse.next();
  const route = routeForHost(request.headers.get('host'), process.env.PLATFORM_DOMAIN ?? 'localhost');
  const partnerDomain = route.kind === 'store' && (await isPartnerAdminHost(route.host));
  if (route.kind === 'platform' || partnerDomain) {
    if (pathname === STORE_PREFIX || pathname.startsWith(`${STORE_PREFIX}/`)) {
      return new NextResponse('Not found', { status: 404 });
    }
    // A partner's domain has no landing page of its own: it opens the admin (which asks to sign in first).
    if (partnerDomain && pathname === '/') return NextResponse.redirect(new URL('/admin', request.url));
    return NextResponse.next();
  }
  const url = request.nextUrl.clone();
  url.pathname = storePath(route.host, pathname);
  return NextResponse.rewrite(url);
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
