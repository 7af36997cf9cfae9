/**
 * The query string of the search and listing pages, read leniently (a hand-edited address never becomes an
 * error page: what cannot be read is left out) and written back for links that change one thing.
 *
 *   q=camiseta  category=tops  sort=price_asc  price=1000-5000 (minor units, "5000-" open)  o=Size:M (repeatable)  page=2
 */
export const SORTS = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;
export type Sort = (typeof SORTS)[number];

export interface ListingParams {
  q: string;
  category?: string;
  sort?: Sort;
  priceMin?: number;
  priceMax?: number;
  /** Option values by option name as the visitor chose them. */
  options: Record<string, string[]>;
  page: number;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_PAGE = 200;
const MAX_OPTIONS = 5;
const MAX_VALUES = 20;

export function parseListingParams(search: URLSearchParams): ListingParams {
  const q = (search.get('q') ?? '').slice(0, 200);
  const category = search.get('category') ?? '';
  const sort = search.get('sort') ?? '';
  const page = Number.parseInt(search.get('page') ?? '1', 10);
  const params: ListingParams = { q, options: {}, page: Number.isFinite(page) ? Math.min(Math.max(page, 1), MAX_PAGE) : 1 };
  if (SLUG.test(category) && category.length <= 80) params.category = category;
  if ((SORTS as readonly string[]).includes(sort)) params.sort = sort as Sort;
  const price = /^(\d{1,10})?-(\d{1,10})?$/.exec(search.get('price') ?? '');
  if (price) {
    const min = price[1] === undefined ? undefined : Number(price[1]);
    const max = price[2] === undefined ? undefined : Number(price[2]);
    const ok = (n: number | undefined) => n === undefined || n <= 1_000_000_000;
    if (ok(min) && ok(max) && (min === undefined || max === undefined || min < max)) {
      if (min !== undefined) params.priceMin = min;
      if (max !== undefined) params.priceMax = max;
    }
  }
  for (const pair of search.getAll('o')) {
    const colon = pair.indexOf(':');
    if (colon < 1) continue;
    const name = pair.slice(0, colon).trim().slice(0, 40);
    const value = pair.slice(colon + 1).trim().slice(0, 80);
    if (!name || !value) continue;
    const values = params.options[name] ?? (Object.keys(params.options).length < MAX_OPTIONS ? (params.options[name] = []) : null);
    if (values && values.length < MAX_VALUES && !values.includes(value)) values.push(value);
  }
  return params;
}

/** `price=` value of a band: "1000-5000", or "5000-" for the open top band. */
export const priceParam = (min: number, max: number | null) => `${min}-${max ?? ''}`;

/** The query string for these params (leading "?", or "" when empty), page 1 left out. */
export function listingQuery(params: ListingParams): string {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  if (params.category) search.set('category', params.category);
  if (params.sort) search.set('sort', params.sort);
  if (params.priceMin !== undefined || params.priceMax !== undefined) search.set('price', priceParam(params.priceMin ?? 0, params.priceMax ?? null));
  for (const [name, values] of Object.entries(params.options)) for (const value of values) search.append('o', `${name}:${value}`);
  if (params.page > 1) search.set('page', String(params.page));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** What the storefront's search procedure takes for these params. */
export function searchInputOf(params: ListingParams, scope: { category?: string; collection?: string }, limit = 24) {
  return {
    query: params.q,
    ...(scope.category ?? params.category ? { category: scope.category ?? params.category } : {}),
    ...(scope.collection ? { collection: scope.collection } : {}),
    ...(params.priceMin !== undefined ? { priceMin: params.priceMin } : {}),
    ...(params.priceMax !== undefined ? { priceMax: params.priceMax } : {}),
    options: params.options,
    ...(params.sort ? { sort: params.sort } : {}),
    page: params.page,
    limit,
  };
}
