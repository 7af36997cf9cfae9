import { Prisma, type ProductStatus, type TenantDb } from '@vitrine/db';
import { afterCursor, decodeCursor, pageOf } from '../../../lib/keyset.ts';
import type { TenantContext } from '../../../trpc.ts';
import { LOW_STOCK, type ListProductsInput } from './inputs.ts';
import { figuresOf } from './summary.ts';

const listSelect = {
  id: true,
  title: true,
  slug: true,
  status: true,
  categoryId: true,
  totalStock: true,
  createdAt: true,
  updatedAt: true,
  variants: { select: { sku: true, priceAmount: true, currency: true, stock: true }, orderBy: { position: 'asc' } },
  images: { select: { storageKey: true, alt: true, width: true }, orderBy: { position: 'asc' }, take: 1 },
} satisfies Prisma.ProductSelect;

export interface ProductPageQuery {
  statuses: ProductStatus[];
  categoryId?: string;
  collectionId?: string;
  stock?: ListProductsInput['stock'];
  search?: string;
  limit: number;
  cursor?: string;
}

/**
 * One keyset page of products, newest first. Each status is read as its own ordered range of the
 * (tenant_id, status, created_at, id) index and the ranges are merged here, so a page stays a short index
 * scan at any depth and any catalogue size, with or without a status filter.
 */
export async function productPage(tdb: TenantDb, query: ProductPageQuery) {
  const position = decodeCursor(query.cursor);
  const filters: Prisma.ProductWhereInput[] = [afterCursor(position)];
  if (query.categoryId) filters.push({ categoryId: query.categoryId });
  if (query.collectionId) filters.push({ collections: { some: { collectionId: query.collectionId } } });
  if (query.stock) filters.push({ totalStock: STOCK_RANGES[query.stock] });
  if (query.search) {
    const words = await searchWords(tdb, query.search);
    if (words.length === 0) return { items: [], nextCursor: null };
    filters.push(...words.map((word) => ({ searchTerms: { some: { term: { gte: word, lt: `${word}\u{10FFFF}` } } } })));
  }
  const lists = await Promise.all(
    query.statuses.map((status) =>
      tdb.product.findMany({
        where: { status, AND: filters },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: query.limit + 1,
        select: listSelect,
      }),
    ),
  );
  const page = pageOf(lists.flat(), query.limit);
  return {
    items: page.items.map(({ variants, images, ...product }) => ({ ...product, image: images[0] ?? null, ...figuresOf(variants) })),
    nextCursor: page.nextCursor,
  };
}

const STOCK_RANGES = {
  in: { gt: 0 },
  out: { equals: 0 },
  low: { gte: 1, lte: LOW_STOCK },
} satisfies Record<NonNullable<ListProductsInput['stock']>, Prisma.IntFilter>;

/**
 * What was typed, folded by the database exactly as the stored terms are (lowercase, no accents) and cut into
 * words; each word must start a term of the product (a title word or a SKU). Prefix ranges on the
 * (tenant_id, term) key are plain comparisons, which Postgres may use as index conditions under row-level
 * security (LIKE and trigram operators are not leakproof, so they would be read after the policy, row by row).
 */
async function searchWords(tdb: TenantDb, search: string): Promise<string[]> {
  const [row] = await tdb.$scopedRaw<{ folded: string | null }[]>(Prisma.sql`SELECT catalog_fold(${search}) AS folded`);
  const words = (row?.folded ?? '').split(/[^a-z0-9]+/).filter(Boolean);
  return [...new Set(words)].slice(0, 6);
}

/** The admin's product list: Draft and Active unless a status is chosen. */
export function listProducts(ctx: TenantContext, input: ListProductsInput) {
  return productPage(ctx.tdb, {
    statuses: input.status ? [input.status] : ['ACTIVE', 'DRAFT'],
    categoryId: input.categoryId,
    collectionId: input.collectionId,
    stock: input.stock,
    search: input.search || undefined,
    limit: input.limit,
    cursor: input.cursor,
  });
}
