import { TRPCError } from '@trpc/server';
import { tenantAccessOf } from '@vitrine/api';
import { serverCaller } from '../server/caller.ts';
import { cartCountOf } from './cart-count.ts';
import { keepStorePage } from '../store-cache/store-pages.ts';
import { chooseLanguage, formattingLocale, STORE_LANGUAGE_COOKIE, type StoreLanguage } from './language.ts';
import { messagesOf, storeMessagePage, type PageMeta, type StoreLook } from './pages.ts';
import { storeRequestOf, type StoreRequest } from './request.ts';
import { absoluteUrl } from './seo.ts';
import { themeLookOf } from './themes.ts';

export const htmlResponse = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });

export const textResponse = (body: string, contentType: string, status = 200) =>
  new Response(body, { status, headers: { 'content-type': `${contentType}; charset=utf-8`, 'cache-control': 'no-store' } });

const TITLES: Record<string, string> = {
  TENANT_NOT_FOUND: 'Store not found',
  STORE_UNPUBLISHED: 'Coming soon',
  TENANT_SUSPENDED: 'Store unavailable',
  TENANT_CANCELLED: 'Store closed',
  TENANT_UNPAID: 'Store unavailable',
};

/** The store caller for the host the proxy resolved (from the internal /store/{host} path). */
export const storeCaller = (host: string) => serverCaller({ host, activeTenantId: null });
export type StoreCaller = Awaited<ReturnType<typeof storeCaller>>;

/** A store page being answered: its caller, its look in the chosen language and its request. */
export interface StorePageContext {
  caller: StoreCaller;
  store: Awaited<ReturnType<StoreCaller['storefront']['store']>>;
  look: StoreLook;
  request: StoreRequest;
  /** True when `?lang=` chose the language: the answer remembers it in a cookie. */
  rememberLanguage: boolean;
}

/**
 * Opens a store page: the store behind the host (refusals throw, see errorResponse), its footer, and the language
 * (`?lang=`, the cookie, or the store's own). `publicPath` is the page's path on the store's host.
 */
export async function openStorePage(request: Request, rawHost: string, publicPath: string): Promise<StorePageContext> {
  const req = storeRequestOf(request, rawHost, publicPath);
  const caller = await storeCaller(req.host);
  const [store, footer, cartCount] = await Promise.all([caller.storefront.store(), caller.storefront.footer(), cartCountOf(caller, request)]);
  const languages = store.languages as StoreLanguage[];
  const { language, remember } = chooseLanguage({ requested: req.requestedLanguage, remembered: req.rememberedLanguage, offered: languages });
  const look: StoreLook = {
    name: store.name,
    locale: formattingLocale(store.locale, languages[0] ?? 'en', language),
    primaryColor: store.branding.primaryColor,
    ...themeLookOf(store),
    footer,
    language,
    languages,
    path: req.path,
    cartCount,
  };
  return { caller, store, look, request: req, rememberLanguage: remember };
}

/** Canonical address and language alternates of a page on the request's host. */
export function pageAddresses(
  ctx: Pick<StorePageContext, 'look' | 'request'>,
  path = ctx.request.path.split('?')[0]!,
): Pick<PageMeta, 'canonical' | 'alternates'> {
  const languages = ctx.look.languages ?? [];
  const withLang = (l: StoreLanguage) => `${path}${path.includes('?') ? '&' : '?'}lang=${l}`;
  const own = languages[0];
  return {
    canonical: absoluteUrl(ctx.request.origin, ctx.look.language && ctx.look.language !== own ? withLang(ctx.look.language) : path),
    alternates: languages.length > 1 ? languages.map((l) => ({ language: l, href: absoluteUrl(ctx.request.origin, l === own ? path : withLang(l)) })) : [],
  };
}

/**
 * The answer, remembering a language chosen with `?lang=` for the rest of the visit to this store. A page that is
 * the same for every visitor (200, no cookie set, asked without personal cookies) is also kept in the store-page
 * cache; `countsVisit` marks pages whose views count as store visits when answered from there.
 */
export function storeAnswer(
  ctx: Pick<StorePageContext, 'look' | 'rememberLanguage' | 'store' | 'request'>,
  response: Response,
  options: { countsVisit?: boolean } = {},
): Response {
  if (ctx.rememberLanguage && ctx.look.language) {
    response.headers.append('set-cookie', `${STORE_LANGUAGE_COOKIE}=${encodeURIComponent(ctx.look.language)}; Path=/; Max-Age=31536000; SameSite=Lax`);
  }
  const key = ctx.request.cacheKey;
  if (key && ctx.store.pagesCacheable && response.status === 200 && !response.headers.has('set-cookie')) {
    const headers = Object.fromEntries(response.headers.entries());
    const ticket = ctx.request.cacheTicket;
    void response
      .clone()
      .arrayBuffer()
      .then((body) => keepStorePage(key, ticket, { tenantId: ctx.store.id, status: 200, headers, body: Buffer.from(body), countsVisit: options.countsVisit }))
      .catch((error: unknown) => console.error('could not keep a store page in the cache', error));
  }
  return response;
}

/** A page of this store that does not exist, in the store's look and language. */
export function notFoundResponse(look?: StoreLook, message?: string): Response {
  const t = messagesOf(look);
  return htmlResponse(storeMessagePage(t.notFoundTitle, message ?? t.notFoundBody, look), 404);
}

/** Store-access answers keep their HTTP status (402/403/404/410); other known errors become readable pages. */
export function errorResponse(error: unknown, look?: StoreLook): Response {
  const access = tenantAccessOf(error);
  if (access) {
    const message =
      access.reason === 'STORE_UNPUBLISHED' ? 'This store is getting ready and will open soon. Please come back later.' : access.message;
    return htmlResponse(storeMessagePage(TITLES[access.reason] ?? 'Store unavailable', message), access.httpStatus);
  }
  const t = messagesOf(look);
  if (error instanceof TRPCError && error.code === 'NOT_FOUND') return notFoundResponse(look, localizedNotFound(error.message, t));
  if (error instanceof TRPCError && error.code === 'BAD_REQUEST') return notFoundResponse(look);
  console.error('store page failed', error);
  return htmlResponse(storeMessagePage(t.errorTitle, t.errorBody, look), 500);
}

/** The API's not-found sentences are English; the store's own language says the same. */
function localizedNotFound(message: string, t: ReturnType<typeof messagesOf>): string {
  if (/product/i.test(message)) return t.productNotFound;
  if (/category/i.test(message)) return t.categoryNotFound;
  if (/collection/i.test(message)) return t.collectionNotFound;
  if (/page/i.test(message)) return t.pageNotFound;
  return t.notFoundBody;
}
