import { hostOnly } from '../routing/host-route.ts';
import { storePageKey } from '../store-cache/page-key.ts';
import { renderTicket } from '../store-cache/store-pages.ts';
import { STORE_LANGUAGE_COOKIE } from './language.ts';
import { originOf } from './seo.ts';

/** What a store page needs from its request: where it was asked (for absolute addresses) and the language wishes. */
export interface StoreRequest {
  /** The store's host as the proxy resolved it (no port). */
  host: string;
  /** `http://alpha.localhost:3000`: scheme and Host header as the visitor typed them. */
  origin: string;
  /** The public path and query, without `lang=` (e.g. `/search?q=mug`). */
  path: string;
  search: URLSearchParams;
  requestedLanguage: string | null;
  rememberedLanguage: string | null;
  /** The page's key in the store-page cache; null when the answer is personal (see storePageKey). */
  cacheKey: string | null;
  /** When the request started, for the page cache (see renderTicket). */
  cacheTicket: number;
}

function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/**
 * `publicPath`: the page's path on the store's host (the route knows it; the request's own URL is the internal
 * /store/{host}/… one). The Host header is used for absolute addresses only when it names the same store.
 */
export function storeRequestOf(request: Request, rawHost: string, publicPath: string): StoreRequest {
  const host = decodeURIComponent(rawHost);
  const url = new URL(request.url);
  const headerHost = request.headers.get('host') ?? '';
  const visibleHost = hostOnly(headerHost) === host ? headerHost.trim().toLowerCase() : host;
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  const search = new URLSearchParams(url.search);
  const requestedLanguage = search.get('lang');
  search.delete('lang');
  const query = search.toString();
  return {
    host,
    origin: originOf(visibleHost, forwarded || url.protocol),
    path: `${publicPath}${query ? `?${query}` : ''}`,
    search,
    requestedLanguage,
    rememberedLanguage: cookieValue(request.headers.get('cookie'), STORE_LANGUAGE_COOKIE),
    cacheKey: storePageKey({
      method: request.method,
      host: headerHost,
      forwardedProto: request.headers.get('x-forwarded-proto'),
      pathAndQuery: `${publicPath}${url.search}`,
      cookie: request.headers.get('cookie'),
    }),
    cacheTicket: renderTicket(),
  };
}
