/**
 * A Host header reduced to the name we look up: lowercase, no port, no trailing dot.
 * Returns null for something that is not a host name at all.
 */
export function normalizeHost(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let host = raw.trim().toLowerCase();
  if (host.startsWith('[')) return null; // IPv6 literal: never a store
  const colon = host.indexOf(':');
  if (colon !== -1) host = host.slice(0, colon);
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (!host || host.length > 253 || !/^[a-z0-9.-]+$/.test(host)) return null;
  return host;
}

/** The store slug when `host` is `{slug}.{platformDomain}` with a single label, else null. */
export function slugFromPlatformHost(host: string, platformDomain: string): string | null {
  const suffix = `.${platformDomain.toLowerCase()}`;
  if (!host.endsWith(suffix)) return null;
  const label = host.slice(0, -suffix.length);
  return label && !label.includes('.') ? label : null;
}
