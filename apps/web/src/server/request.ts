import { cookies, headers } from 'next/headers';

export const TENANT_COOKIE = 'vitrine_tenant';

/** The client's address as the closest proxy reports it. */
export function clientIp(h: Headers): string {
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || 'unknown';
}

export async function requestInfo() {
  const [h, c] = await Promise.all([headers(), cookies()]);
  return {
    host: h.get('host') ?? '',
    ip: clientIp(h),
    requestId: h.get('x-request-id') ?? undefined,
    activeTenantId: c.get(TENANT_COOKIE)?.value ?? null,
  };
}
