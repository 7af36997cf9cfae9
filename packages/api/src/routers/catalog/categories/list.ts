import type { TenantContext } from '../../../trpc.ts';

/** Every category of the store, in tree order (parent, position, name), with its product count. */
export async function listCategories(ctx: TenantContext) {
  const rows = await ctx.tdb.category.findMany({
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, slug: true, parentId: true, position: true, _count: { select: { products: true } } },
  });
  return rows.map(({ _count, ...c }) => ({ ...c, productCount: _count.products }));
}
