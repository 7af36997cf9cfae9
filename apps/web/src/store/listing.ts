import { formatMoney } from '@vitrine/ui';
import type { StorefrontMessages } from '../i18n/messages/storefront.ts';
import { html, type Html } from './html.ts';
import { listingQuery, priceParam, type ListingParams, type Sort } from './listing-params.ts';
import { documentOf, messagesOf, productGrid, storeHeader, type ListedProduct, type PageMeta, type StoreLook } from './pages.ts';

/** What the storefront's search answers (the part a listing page shows). */
export interface ListingResult {
  suggestion: string | null;
  sort: Sort;
  page: number;
  pageCount: number;
  total: number;
  currency: string | null;
  items: ListedProduct[];
  facets: {
    categories: { slug: string; name: string; count: number; selected: boolean }[];
    prices: { min: number; max: number | null; count: number; selected: boolean }[];
    options: { name: string; values: { value: string; count: number; selected: boolean }[] }[];
  };
}

/** The search page, a category's page or a collection's page: the same results, facets, sort and paging. */
export interface ListingView {
  kind: 'search' | 'category' | 'collection';
  /** The page's path, where the filter form and the paging links lead. */
  path: string;
  heading: string;
  intro?: string | null;
  /** A category's parent, shown above its name. */
  parent?: { name: string; slug: string } | null;
  subcategories?: readonly { name: string; slug: string }[];
  params: ListingParams;
  result: ListingResult;
  /** Categories to offer when a search finds nothing. */
  browse?: readonly { name: string; slug: string }[];
}

const SORT_LABELS: Record<Sort, keyof StorefrontMessages> = {
  relevance: 'sortRelevance',
  newest: 'sortNewest',
  price_asc: 'sortPriceAsc',
  price_desc: 'sortPriceDesc',
};

export function storeListingPage(look: StoreLook, view: ListingView, meta: PageMeta = {}): string {
  const t = messagesOf(look);
  const { result, params } = view;
  const title = view.kind === 'search' ? t.searchTitle(params.q) : view.heading;
  const summary =
    view.kind === 'search' && params.q ? t.resultsFor(result.total, params.q) : t.resultCount(result.total);
  const body = html`${storeHeader(look, '/', view.kind === 'search' ? params.q : '')}<main class="v-page">${
    view.parent ? html`<p class="t-crumbs"><a href="/">${t.home}</a> › <a href="/categories/${encodeURIComponent(view.parent.slug)}">${view.parent.name}</a></p>` : ''
  }<h1 data-testid="listing-title">${view.kind === 'search' ? t.searchTitle(params.q) : view.heading}</h1>${view.intro ? html`<p style="white-space:pre-line">${view.intro}</p>` : ''}${
    view.subcategories?.length
      ? html`<nav aria-label="${t.subcategories}"><ul class="t-nav">${view.subcategories.map((c) => html`<li><a href="/categories/${encodeURIComponent(c.slug)}">${c.name}</a></li>`)}</ul></nav>`
      : ''
  }<div class="t-listing"><aside>${filters(look, view, t)}</aside><section><p data-testid="result-summary">${summary}</p>${
    result.total ? html`${productGrid(look, result.items)}${pager(view, t)}` : nothingFound(view, t)
  }</section></div></main>`;
  return documentOf(`${title} · ${look.name}`, body, look, meta);
}

function nothingFound(view: ListingView, t: StorefrontMessages): Html {
  const { params, result } = view;
  if (!params.q) return html`<div class="v-empty" data-testid="no-results"><p>${t.emptyListingBody}</p></div>`;
  return html`<div class="v-empty" data-testid="no-results"><h2>${t.noResultsTitle}</h2><p>${t.noResultsBody(params.q)}</p>${
    result.suggestion
      ? html`<p data-testid="did-you-mean">${t.didYouMean}: <a href="/search${listingQuery({ q: result.suggestion, options: {}, page: 1 })}">${result.suggestion}</a>?</p>`
      : ''
  }${
    view.browse?.length
      ? html`<p>${t.browseCategories}</p><ul class="t-nav">${view.browse.map((c) => html`<li><a href="/categories/${encodeURIComponent(c.slug)}">${c.name}</a></li>`)}</ul>`
      : ''
  }</div>`;
}

/** The facets: categories as links, then a GET form with the sort, price bands and option values. */
function filters(look: StoreLook, view: ListingView, t: StorefrontMessages): Html {
  const { params, result } = view;
  const currency = result.currency;
  const categoryHref = (slug: string) =>
    view.kind === 'category'
      ? `/categories/${encodeURIComponent(slug)}${listingQuery({ ...params, page: 1 })}`
      : `${view.path}${listingQuery({ ...params, category: slug, page: 1 })}`;
  const categories = result.facets.categories.length
    ? html`<nav aria-label="${t.categories}" data-testid="facet-categories"><h2 style="font-size:1rem">${t.categories}</h2><ul style="list-style:none;padding:0">${result.facets.categories.map(
        (c) => html`<li><a href="${categoryHref(c.slug)}"${c.selected ? html` aria-current="true"` : ''}>${c.name}</a> <span class="t-count">(${c.count})</span></li>`,
      )}</ul></nav>`
    : '';
  const bandLabel = (min: number, max: number | null) =>
    !currency ? '' : max === null ? t.priceAndUp(formatMoney(min, currency, look.locale)) : `${formatMoney(min, currency, look.locale)} – ${formatMoney(max, currency, look.locale)}`;
  const anyPrice = params.priceMin === undefined && params.priceMax === undefined;
  const prices = result.facets.prices.length
    ? html`<fieldset data-testid="facet-price"><legend>${t.price}</legend><label><input type="radio" name="price" value=""${anyPrice ? html` checked` : ''}> ${t.anyPrice}</label>${result.facets.prices.map(
        (b) =>
          html`<label><input type="radio" name="price" value="${priceParam(b.min, b.max)}"${b.selected ? html` checked` : ''}> ${bandLabel(b.min, b.max)} <span class="t-count">(${b.count})</span></label>`,
      )}</fieldset>`
    : '';
  const options = result.facets.options.map(
    (o) =>
      html`<fieldset data-testid="facet-option"><legend>${o.name}</legend>${o.values.map(
        (v) =>
          html`<label><input type="checkbox" name="o" value="${`${o.name}:${v.value}`}"${v.selected ? html` checked` : ''}> ${v.value} <span class="t-count">(${v.count})</span></label>`,
      )}</fieldset>`,
  );
  const sorts: Sort[] = params.q ? ['relevance', 'newest', 'price_asc', 'price_desc'] : ['newest', 'price_asc', 'price_desc'];
  const hasFilters = !anyPrice || Object.keys(params.options).length > 0 || (view.kind !== 'category' && params.category);
  return html`${categories}<form class="t-filters" method="get" action="${view.path}" data-testid="filters">${params.q ? html`<input type="hidden" name="q" value="${params.q}">` : ''}${
    params.category && view.kind !== 'category' ? html`<input type="hidden" name="category" value="${params.category}">` : ''
  }<fieldset><legend>${t.sortBy}</legend><select name="sort" aria-label="${t.sortBy}">${sorts.map(
    (s) => html`<option value="${s}"${s === result.sort ? html` selected` : ''}>${t[SORT_LABELS[s]] as string}</option>`,
  )}</select></fieldset>${prices}${options}<button type="submit">${t.apply}</button>${
    hasFilters ? html` <a href="${view.path}${listingQuery({ q: params.q, options: {}, page: 1 })}">${t.clearFilters}</a>` : ''
  }</form>`;
}

function pager(view: ListingView, t: StorefrontMessages): Html | '' {
  const { page, pageCount } = view.result;
  if (pageCount < 2) return '';
  const to = (p: number) => `${view.path}${listingQuery({ ...view.params, page: p })}`;
  return html`<nav class="t-pager" data-testid="pager">${page > 1 ? html`<a rel="prev" href="${to(page - 1)}">${t.previous}</a>` : ''}<span>${t.pageOf(page, pageCount)}</span>${
    page < pageCount ? html`<a rel="next" href="${to(page + 1)}">${t.next}</a>` : ''
  }</nav>`;
}
