import { Prisma } from '@vitrine/db';
import { notFound } from '../../errors.ts';
import type { StorefrontContext } from '../../trpc.ts';
import type { SearchSort, StorefrontSearchInput } from './inputs.ts';
import { PRICE_LADDER, priceBandsOf, type PriceBand } from './price-bands.ts';
import { searchWords, suggestionOf, tsqueriesOf } from './search-words.ts';

/** One option filter: the option's name folded to lowercase and the wanted values, lowercase. */
interface OptionFilter {
  key: string;
  values: string[];
}

export interface SearchFacets {
  categories: { slug: string; name: string; count: number; selected: boolean }[];
  prices: (PriceBand & { selected: boolean })[];
  options: { name: string; values: { value: string; count: number; selected: boolean }[] }[];
}

interface SearchRow {
  total: number;
  ids: string[];
  categories: { id: string; count: number }[];
  price_buckets: { bucket: number; count: number }[];
  options: { key: string; name: string; value: string; count: number }[];
}

/** Values shown per option in the facets (most common first). */
const VALUES_PER_OPTION = 30;

/**
 * The store's search and its category and collection listings: published, non-archived products only, matched by
 * full text (title, category and collections, description), typo-tolerant through the store's own words, ranked by
 * ts_rank (exact words above corrected ones), filtered by price and option values, with facet counts for the
 * current results. Each facet counts with every other filter applied but its own, so several values of one
 * option can be chosen together.
 */
export async function storefrontSearch(ctx: StorefrontContext, input: StorefrontSearchInput) {
  const [words, categoryIds, collectionId] = await Promise.all([
    searchWords(ctx.tdb, input.query),
    input.category ? categoryTree(ctx, input.category) : null,
    input.collection ? collectionIdOf(ctx, input.collection) : null,
  ]);
  const tsqueries = tsqueriesOf(words);
  const sort: SearchSort = input.sort ?? (tsqueries ? 'relevance' : 'newest');
  const filters = optionFilters(input.options);

  if (input.query.trim() && !tsqueries) return emptyResult(input, sort, null);

  const rank = tsqueries
    ? Prisma.sql`ts_rank(p.search_document, to_tsquery('simple', ${tsqueries.full})) + ts_rank(p.search_document, to_tsquery('simple', ${tsqueries.strict}))`
    : Prisma.sql`0::real`;
  // Each option filter is a set of product ids (hash-joined), never a subquery per product.
  const optionHits = filters.map(
    (f, j) => Prisma.sql`, ${Prisma.raw(`hits_${j}`)} AS (SELECT DISTINCT o.product_id FROM opts o WHERE o.k = ${f.key} AND o.lv = ANY(${f.values}::text[]))`,
  );
  const optionFlags = filters.map((_, j) => Prisma.raw(`, ${`h${j}`}.product_id IS NOT NULL AS f_o${j}`));
  const optionJoins = filters.map((_, j) => Prisma.raw(` LEFT JOIN hits_${j} h${j} ON h${j}.product_id = m.id`));
  const allOptions = Prisma.join([Prisma.sql`TRUE`, ...filters.map((_, j) => Prisma.raw(`f.f_o${j}`))], ' AND ');
  const otherOptions = Prisma.join([Prisma.sql`TRUE`, ...filters.map((f, j) => Prisma.sql`(o.k = ${f.key} OR ${Prisma.raw(`f.f_o${j}`)})`)], ' AND ');
  const priceOk = Prisma.join(
    [
      Prisma.sql`pr.price IS NOT NULL`,
      ...(input.priceMin !== undefined ? [Prisma.sql`pr.price >= ${input.priceMin}`] : []),
      ...(input.priceMax !== undefined ? [Prisma.sql`pr.price < ${input.priceMax}`] : []),
    ],
    ' AND ',
  );
  const byPrice = input.priceMin !== undefined || input.priceMax !== undefined;

  const row = await ctx.tdb.$scoped(async (tx) => {
    // Facets aggregate every result: enough memory to hash them instead of sorting on disk.
    await tx.$executeRaw`SET LOCAL work_mem = '32MB'`;
    const [first] = await tx.$queryRaw<SearchRow[]>(Prisma.sql`
    WITH matched AS (
      SELECT p.id, p.category_id, p.created_at, ${rank} AS rank
        FROM products p
       WHERE p.status = 'ACTIVE' AND p.archived_at IS NULL
         ${tsqueries ? Prisma.sql`AND p.search_document @@ to_tsquery('simple', ${tsqueries.full})` : Prisma.empty}
         ${categoryIds ? Prisma.sql`AND p.category_id = ANY(${categoryIds}::text[])` : Prisma.empty}
         ${collectionId ? Prisma.sql`AND EXISTS (SELECT 1 FROM collection_products cp WHERE cp.product_id = p.id AND cp.collection_id = ${collectionId})` : Prisma.empty}
    ),
    vars AS (
      SELECT v.product_id, v.price_amount, v.attributes
        FROM product_variants v JOIN matched m ON m.id = v.product_id
       WHERE v.enabled
    ),
    prices AS (SELECT product_id, min(price_amount) AS price FROM vars GROUP BY product_id),
    -- One row per product and option value it is sold in (lowercase key and value; the first spelling shown).
    opts AS (
      SELECT v.product_id, lower(a.key) AS k, lower(a.value) AS lv, min(a.key) AS name, min(a.value) AS value
        FROM vars v
       CROSS JOIN LATERAL jsonb_each_text(CASE WHEN jsonb_typeof(v.attributes) = 'object' THEN v.attributes ELSE '{}'::jsonb END) a
       WHERE v.attributes <> '{}'::jsonb
       GROUP BY 1, 2, 3
    )
    ${optionHits.length ? Prisma.join(optionHits, '') : Prisma.empty},
    flagged AS (
      SELECT m.id, m.category_id, m.created_at, m.rank, pr.price,
             ${byPrice ? priceOk : Prisma.sql`TRUE`} AS f_price
             ${optionFlags.length ? Prisma.join(optionFlags, '') : Prisma.empty}
        FROM matched m LEFT JOIN prices pr ON pr.product_id = m.id${optionJoins.length ? Prisma.join(optionJoins, '') : Prisma.empty}
    ),
    results AS (SELECT f.* FROM flagged f WHERE f.f_price AND ${allOptions})
    SELECT
      (SELECT count(*)::int FROM results) AS total,
      (SELECT coalesce(json_agg(page.id ORDER BY ${orderBy(sort, 'page')}), '[]'::json)
         FROM (SELECT r.id, r.rank, r.created_at, r.price FROM results r ORDER BY ${orderBy(sort, 'r')}
               LIMIT ${input.limit} OFFSET ${(input.page - 1) * input.limit}) page) AS ids,
      (SELECT coalesce(json_agg(json_build_object('id', c.category_id, 'count', c.n)), '[]'::json)
         FROM (SELECT category_id, count(*)::int AS n FROM results WHERE category_id IS NOT NULL GROUP BY category_id) c) AS categories,
      (SELECT coalesce(json_agg(json_build_object('bucket', b.bucket, 'count', b.n)), '[]'::json)
         FROM (SELECT width_bucket(f.price, ${PRICE_LADDER}::int[]) AS bucket, count(*)::int AS n
                 FROM flagged f WHERE f.price IS NOT NULL AND ${allOptions} GROUP BY 1) b) AS price_buckets,
      (SELECT coalesce(json_agg(json_build_object('key', x.k, 'name', x.name, 'value', x.value, 'count', x.n)), '[]'::json)
         FROM (SELECT o.k, min(o.name) AS name, min(o.value) AS value, count(*)::int AS n
                 FROM opts o JOIN flagged f ON f.id = o.product_id
                WHERE f.f_price AND ${otherOptions}
                GROUP BY o.k, o.lv) x) AS options`);
    return first!;
  });

  const [items, categories] = await Promise.all([listedProducts(ctx, row.ids), categoryFacet(ctx, row.categories, input.category)]);
  const total = row.total;
  return {
    query: input.query,
    /** "Did you mean" for a query that found nothing: the words corrected to the store's own. */
    suggestion: total === 0 ? suggestionOf(words) : null,
    sort,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(total / input.limit)),
    total,
    currency: ctx.tenant.currency,
    items,
    facets: {
      categories,
      prices: priceBandsOf(row.price_buckets).map((band) => ({
        ...band,
        selected: input.priceMin === band.min && (input.priceMax ?? null) === band.max,
      })),
      options: optionFacet(row.options, filters),
    } satisfies SearchFacets,
  };
}

function emptyResult(input: StorefrontSearchInput, sort: SearchSort, suggestion: string | null) {
  return {
    query: input.query,
    suggestion,
    sort,
    page: input.page,
    pageCount: 1,
    total: 0,
    currency: null as string | null,
    items: [] as Awaited<ReturnType<typeof listedProducts>>,
    facets: { categories: [], prices: [], options: [] } as SearchFacets,
  };
}

function orderBy(sort: SearchSort, alias: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  switch (sort) {
    case 'relevance':
      return Prisma.sql`${a}.rank DESC, ${a}.created_at DESC, ${a}.id DESC`;
    case 'price_asc':
      return Prisma.sql`${a}.price ASC NULLS LAST, ${a}.created_at DESC, ${a}.id DESC`;
    case 'price_desc':
      return Prisma.sql`${a}.price DESC NULLS LAST, ${a}.created_at DESC, ${a}.id DESC`;
    case 'newest':
      return Prisma.sql`${a}.created_at DESC, ${a}.id DESC`;
  }
}

/** Option filters by folded name: "Size" and "size" are one option; values compare without case. */
function optionFilters(options: Record<string, string[]>): OptionFilter[] {
  const byKey = new Map<string, Set<string>>();
  for (const [name, values] of Object.entries(options)) {
    const key = name.toLowerCase();
    const set = byKey.get(key) ?? new Set<string>();
    for (const value of values) set.add(value.toLowerCase());
    byKey.set(key, set);
  }
  return [...byKey].map(([key, values]) => ({ key, values: [...values] }));
}

/** The category's id and its subcategories' ids; unknown addresses are not found. */
async function categoryTree(ctx: StorefrontContext, slug: string): Promise<string[]> {
  const rows = await ctx.tdb.$scopedRaw<{ id: string }[]>(Prisma.sql`
    WITH RECURSIVE tree AS (
      SELECT c.id, 1 AS depth FROM categories c WHERE c.slug = ${slug}
      UNION ALL
      SELECT c.id, tree.depth + 1 FROM categories c JOIN tree ON c.parent_id = tree.id WHERE tree.depth < 10
    )
    SELECT DISTINCT id FROM tree`);
  if (rows.length === 0) throw notFound('This category does not exist in this store.');
  return rows.map((r) => r.id);
}

async function collectionIdOf(ctx: StorefrontContext, slug: string): Promise<string> {
  const collection = await ctx.tdb.collection.findFirst({ where: { slug }, select: { id: true } });
  if (!collection) throw notFound('This collection does not exist in this store.');
  return collection.id;
}

/** The products of one page, in the order the search chose. */
async function listedProducts(ctx: StorefrontContext, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await ctx.tdb.product.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      slug: true,
      title: true,
      variants: { where: { enabled: true }, select: { priceAmount: true, currency: true, stock: true } },
      images: { select: { storageKey: true, alt: true, width: true }, orderBy: { position: 'asc' }, take: 1 },
    },
  });
  const byId = new Map(rows.map((p) => [p.id, p]));
  return ids.flatMap((id) => {
    const p = byId.get(id);
    if (!p) return [];
    const prices = p.variants.map((v) => v.priceAmount);
    return [
      {
        id: p.id,
        slug: p.slug,
        title: p.title,
        image: p.images[0] ?? null,
        priceMin: prices.length ? Math.min(...prices) : null,
        priceMax: prices.length ? Math.max(...prices) : null,
        currency: p.variants[0]?.currency ?? null,
        inStock: p.variants.some((v) => v.stock > 0),
      },
    ];
  });
}

async function categoryFacet(ctx: StorefrontContext, counts: SearchRow['categories'], selectedSlug: string | undefined) {
  if (counts.length === 0) return [];
  const categories = await ctx.tdb.category.findMany({
    where: { id: { in: counts.map((c) => c.id) } },
    select: { id: true, slug: true, name: true },
  });
  const byId = new Map(categories.map((c) => [c.id, c]));
  return counts
    .flatMap((c) => {
      const category = byId.get(c.id);
      return category ? [{ slug: category.slug, name: category.name, count: c.count, selected: category.slug === selectedSlug }] : [];
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function optionFacet(rows: SearchRow['options'], filters: OptionFilter[]): SearchFacets['options'] {
  const byKey = new Map<string, { name: string; values: { value: string; count: number; selected: boolean }[] }>();
  for (const row of rows) {
    const entry = byKey.get(row.key) ?? { name: row.name, values: [] };
    const wanted = filters.find((f) => f.key === row.key);
    entry.values.push({ value: row.value, count: row.count, selected: Boolean(wanted?.values.includes(row.value.toLowerCase())) });
    byKey.set(row.key, entry);
  }
  return [...byKey.values()]
    .map((o) => ({ name: o.name, values: o.values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, VALUES_PER_OPTION) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
