import type { Prisma, ProductStatus, TenantDb } from '@vitrine/db';
import { afterCursor, decodeCursor, pageOf } from '../../../lib/keyset.ts';
import type { TenantContext } from '../../../trpc.ts';
import type { ListProductsInput } from './inputs.ts';
import { figuresOf } from './summary.ts';

const listSelect = {
  id: true,
  title: true,
  slug: true,
  status: true,
  categoryId: true,
  createdAt: true,
  updatedAt: true,
  variants: { select: { sku: true, priceAmount: true, currency: true, stock: true }, orderBy: { position: 'asc' } },
  images: { select: { storageKey: true, alt: true }, orderBy: { position: 'asc' }, take: 1 },
} satisfies Prisma.ProductSelect;

export interface ProductPageQuery {
  statuses: ProductStatus[];
  categoryId?: string;
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
  if (query.search) {
    filters.push({
      OR: [
        { title: { contains: query.search, mode: 'insensitive' } },
        { variants: { some: { sku: { contains: query.search, mode: 'insensitive' } } } },
      ],
    });
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

/** The admin's product list: Draft and Active unless a status is chosen. */
export function listProducts(ctx: TenantContext, input: ListProductsInput) {
  return productPage(ctx.tdb, {
    statuses: input.status ? [input.status] : ['ACTIVE', 'DRAFT'],
    categoryId: input.categoryId,
    search: input.search || undefined,
    limit: input.limit,
    cursor: input.cursor,
  });
}
