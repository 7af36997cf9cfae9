import { listingQuery, parseListingParams, searchInputOf } from './listing-params.ts';
import { storeListingPage, type ListingView } from './listing.ts';
import type { StoreLook } from './pages.ts';
import { errorResponse, htmlResponse, openStorePage, pageAddresses, storeAnswer } from './respond.ts';

const PAGE_SIZE = 24;

/**
 * The search page (/search), a category's page (/categories/<slug>) and a collection's page (/collections/<slug>):
 * one storefront search each, with the scope the address gives. Unknown categories and collections answer 404.
 */
export async function answerListing(
  request: Request,
  rawHost: string,
  scope: { kind: 'search' } | { kind: 'category'; slug: string } | { kind: 'collection'; slug: string },
): Promise<Response> {
  const path = scope.kind === 'search' ? '/search' : `/${scope.kind === 'category' ? 'categories' : 'collections'}/${encodeURIComponent(scope.slug)}`;
  let look: StoreLook | undefined;
  try {
    const page = await openStorePage(request, rawHost, path);
    look = page.look;
    const params = parseListingParams(page.request.search);
    const { storefront } = page.caller;
    const [category, collection, result] = await Promise.all([
      scope.kind === 'category' ? storefront.category({ slug: scope.slug }) : null,
      scope.kind === 'collection' ? storefront.collection({ slug: scope.slug }) : null,
      storefront.search(searchInputOf(params, scope.kind === 'search' ? {} : { [scope.kind]: scope.slug }, PAGE_SIZE)),
    ]);
    // A search that finds nothing offers the store's categories instead.
    const browse = result.total === 0 && params.q ? (await storefront.home()).categories : [];

    const view: ListingView = {
      kind: scope.kind,
      path,
      heading: category?.name ?? collection?.title ?? '',
      intro: collection?.description ?? null,
      parent: category?.parent ?? null,
      subcategories: category?.children ?? [],
      params,
      result,
      browse,
    };
    // Search results are for people, not for indexes; a listing's canonical address keeps its page number only.
    const canonicalPath = scope.kind === 'search' ? `${path}${listingQuery({ q: params.q, options: {}, page: 1 })}` : `${path}${listingQuery({ q: '', options: {}, page: params.page })}`;
    const seoDescription = collection ? (collection.seoDescription ?? collection.description) : null;
    const html = storeListingPage(page.look, view, {
      ...pageAddresses(page, canonicalPath),
      description: seoDescription,
      noindex: scope.kind === 'search' || view.result.total === 0,
    });
    return storeAnswer(page, htmlResponse(html));
  } catch (error) {
    return errorResponse(error, look);
  }
}
