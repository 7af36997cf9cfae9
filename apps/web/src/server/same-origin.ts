/**
 * Cookie-authenticated writes must come from a page of the same host. Stores on `{slug}.{PLATFORM_DOMAIN}` are
 * "same-site" with the admin for the browser (SameSite=Lax cookies ride along), so the Origin is checked too:
 * a POST that carries cookies and an Origin naming another host is refused. Requests without cookies or
 * without an Origin (server-to-server clients, curl) are not browser cross-site requests and pass.
 */
export function isCrossOriginWrite(method: string, headers: Headers): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  if (!headers.get('cookie')) return false;
  const origin = headers.get('origin');
  if (!origin) return false;
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  if (!host) return true;
  try {
    return new URL(origin).host.toLowerCase() !== host.trim().toLowerCase();
  } catch {
    return true; // "null" (sandboxed frames, file pages) or a malformed Origin
  }
}
