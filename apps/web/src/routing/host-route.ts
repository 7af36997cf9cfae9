/**
 * Which side of Vitrine a request belongs to, from its Host alone (string logic; the proxy runs it on every
 * request). The platform domain itself (and www.) serves the admin; `{slug}.{PLATFORM_DOMAIN}` and every other
 * host (a custom domain) serve a store, whose existence and status the store route checks.
 */
export type HostRoute = { kind: 'platform' } | { kind: 'store'; host: string };

/** Internal prefix of the store routes; never reachable directly from the platform host. */
export const STORE_PREFIX = '/store';

export function hostOnly(rawHost: string): string {
  let host = rawHost.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  if (colon !== -1) host = host.slice(0, colon);
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

/** A bare IP address is never a store's address (health checks and local tools use them for the platform). */
function isIpLiteral(host: string): boolean {
  return host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}

export function routeForHost(rawHost: string | null | undefined, platformDomain: string): HostRoute {
  const host = hostOnly(rawHost ?? '');
  const platform = hostOnly(platformDomain);
  if (host === '' || host === platform || host === `www.${platform}` || isIpLiteral(host)) return { kind: 'platform' };
  return { kind: 'store', host };
}

/** Paths every host serves as they are (the API, Next's assets, stored media). */
export function isSharedPath(pathname: string): boolean {
  return pathname.startsWith('/api/') || pathname.startsWith('/_next/') || pathname.startsWith('/media/') || pathname === '/favicon.ico';
}

/** The internal path a store request is rewritten to, e.g. `/store/alpha.localhost/products/mug`. */
export function storePath(host: string, pathname: string): string {
  const rest = pathname === '/' ? '' : pathname;
  return `${STORE_PREFIX}/${encodeURIComponent(host)}${rest}`;
}
