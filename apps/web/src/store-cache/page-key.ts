import { STORE_LANGUAGE_COOKIE } from '../store/language.ts';

/** What a store request looks like to the page cache: read the same way by the front server and by the store routes. */
export interface PageRequest {
  method: string;
  /** The Host header as sent (the store's host, maybe with a port). */
  host: string | null | undefined;
  /** The first X-Forwarded-Proto value, when a proxy in front sets it. */
  forwardedProto: string | null | undefined;
  /** The public path and query as asked (`/search?q=mug&lang=es`). */
  pathAndQuery: string;
  cookie: string | null | undefined;
}

/**
 * The cache key of a store page, or null when the answer may depend on the visitor and must be rendered for them.
 *
 * A page depends on the address it was asked at (absolute links are built from the scheme and Host) and on the
 * language the visitor chose earlier (the language cookie). Any other cookie on a store host belongs to a visitor
 * with a cart or an account, whose pages are personal: those requests are never answered from, nor stored in, the
 * cache.
 */
export function storePageKey(request: PageRequest): string | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (!request.host) return null;
  let language = '';
  for (const part of (request.cookie ?? '').split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const name = (eq === -1 ? part : part.slice(0, eq)).trim();
    if (name !== STORE_LANGUAGE_COOKIE) return null;
    language = decodeURIComponent(part.slice(eq + 1).trim());
  }
  const scheme = request.forwardedProto?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  return `${scheme}://${request.host.trim().toLowerCase()}${request.pathAndQuery}\n${language}`;
}
