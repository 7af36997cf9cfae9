import { NextResponse, type NextRequest } from 'next/server';
import { STORE_PREFIX, isSharedPath, routeForHost, storePath } from './src/routing/host-route.ts';

/** Host routing only (string logic): stores are rewritten to the internal /store/{host} routes. */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (isSharedPath(pathname)) return NextResponse.next();
  const route = routeForHost(request.headers.get('host'), process.env.PLATFORM_DOMAIN ?? 'localhost');
  if (route.kind === 'platform') {
    if (pathname === STORE_PREFIX || pathname.startsWith(`${STORE_PREFIX}/`)) {
      return new NextResponse('Not found', { status: 404 });
    }
    return NextResponse.next();
  }
  const url = request.nextUrl.clone();
  url.pathname = storePath(route.host, pathname);
  return NextResponse.rewrite(url);
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
