import type { StorefrontContext } from '../../trpc.ts';
import { storefrontProducts } from './products.ts';

/** The store itself (name, language, currency, branding): what every store page needs around its content. */
export function storefrontStore(ctx: StorefrontContext) {
  const t = ctx.tenant;
  return { id: t.id, slug: t.slug, name: t.name, locale: t.locale, currency: t.currency, branding: t.branding };
}

/** What the store's front page needs: the store, its look, its categories and its newest products. */
export async function storefrontHome(ctx: StorefrontContext) {
  const [config, categories, products] = await Promise.all([
    ctx.tdb.storefrontConfig.findFirst(),
    ctx.tdb.category.findMany({
      where: { parentId: null },
      orderBy: [{ position: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true, slug: true },
    }),
    storefrontProducts(ctx, { limit: 24 }),
  ]);
  const t = ctx.tenant;
  return {
    store: storefrontStore(ctx),
    theme: { name: config?.theme ?? 'classic', settings: (config?.themeSettings ?? {}) as Record<string, unknown> },
    seo: { title: config?.seoTitle ?? t.name, description: config?.seoDescription ?? null },
    categories,
    products,
  };
}
