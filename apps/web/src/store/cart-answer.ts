import { clearFlashCookie, type Flash } from './cart-forms.ts';
import { htmlResponse, storeAnswer, type StorePageContext } from './respond.ts';

/**
 * A page for this buyer only (their cart, their order): never kept in the store-page cache; the flash it showed is
 * cleared.
 */
export function personalAnswer(page: StorePageContext, request: Request, body: string, flash: Flash | null = null): Response {
  const response = storeAnswer({ ...page, request: { ...page.request, cacheKey: null } }, htmlResponse(body));
  if (flash) response.headers.append('set-cookie', clearFlashCookie(request));
  return response;
}
