import { notFound } from '../../errors.ts';
import type { StorefrontContext } from '../../trpc.ts';
import type { StorefrontGroupInput } from './inputs.ts';

/** A category's page header: its name, its parent and its subcategories (for the breadcrumb and the links). */
export async function storefrontCategory(ctx: StorefrontContext, input: StorefrontGroupInput) {
  const category = await ctx.tdb.category.findFirst({
    where: { slug: input.slug },
    select: {
      name: true,
      slug: true,
      parent: { select: { name: true, slug: true } },
      children: { select: { name: true, slug: true }, orderBy: [{ position: 'asc' }, { name: 'asc' }] },
    },
  });
  if (!category) throw notFound('This category does not exist in this store.');
  return category;
}

/** A collection's page header: its title, description and search-engine texts. */
export async function storefrontCollection(ctx: StorefrontContext, input: StorefrontGroupInput) {
  const collection = await ctx.tdb.collection.findFirst({
    where: { slug: input.slug },
    select: { title: true, slug: true, description: true, seoTitle: true, seoDescription: true },
  });
  if (!collection) throw notFound('This collection does not exist in this store.');
  return collection;
}

/** The store's collections, for the front page's links. */
export function storefrontCollections(ctx: StorefrontContext) {
  return ctx.tdb.collection.findMany({ select: { title: true, slug: true }, orderBy: { title: 'asc' }, take: 50 });
}
