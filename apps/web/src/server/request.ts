import { cookies, headers } from 'next/headers';

export const TENANT_COOKIE = 'vitrine_tenant';
/** Platform staff inside a store's admin: the impersonation grant's id (src/platform/impersonation-actions.ts). */
export const IMPERSONATION_COOKIE = 'vitrine_impersonation';

/** TRUSTED_PROXY_HOPS (validated with the rest of the environment in @vitrine/core/env). */
const trustedHops = () => Number(process.env.TRUSTED_PROXY_HOPS ?? 1);

/**
 * The client's address. Each proxy in front of the app appends the address it saw to X-Forwarded-For, and
 * `next start` sets it from the socket when it is absent; anything to the left of what our own proxies wrote
 * is the client's to forge. So with `hops` trusted proxies the address is the hops-th entry from the right
 * (the last one when there is at most one). Never the first entry.
 */
export function clientIp(h: Headers, hops = trustedHops()): string {
  const chain = (h.get('x-forwarded-for') ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  return chain[chain.length - Math.max(1, hops)] ?? chain[0] ?? (h.get('x-real-ip') || 'unknown');
}

export async function requestInfo() {
  const [h, c] = await Promise.all([headers(), cookies()]);
  return {
    host: h.get('host') ?? '',
    ip: clientIp(h),
    requestId: h.get('x-request-id') ?? undefined,
    activeTenantId: c.get(TENANT_COOKIE)?.value ?? null,
    impersonationGrantId: c.get(IMPERSONATION_COOKIE)?.value ?? null,
  };
}
