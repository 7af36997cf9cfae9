import { STORE_LOCALES } from '../../lib/schemas.ts';
import type { StorefrontContext } from '../../trpc.ts';
import { themeOf } from '../setup/themes.ts';
import { storefrontCollections } from './groups.ts';
import { storefrontProducts } from './products.ts';

type StoreConfig = {
  theme: string;
  themeSettings: unknown;
  seoTitle: string | null;
  seoDescription: string | null;
  enabledLocales: string[];
} | null;

export type StoreLanguage = (typeof STORE_LOCALES)[number];

/** The storefront language closest to a store's locale (pt-PT → pt-BR, en-US → en, es-AR → es); English otherwise. */
export function storeLanguageOf(locale: string): StoreLanguage {
  const tag = locale.toLowerCase();
  if (tag.startsWith('pt')) return 'pt-BR';
  if (tag.startsWith('es')) return 'es';
  return 'en';
}

/** The store's own language first, then the others it offers (storefront settings). */
function languagesOf(locale: string, enabled: readonly string[]): StoreLanguage[] {
  const first = storeLanguageOf(locale);
  return [first, ...STORE_LOCALES.filter((l) => l !== first && enabled.includes(l))];
}

function storeOf(ctx: StorefrontContext, config: StoreConfig, readyToSell: boolean) {
  const t = ctx.tenant;
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    locale: t.locale,
    currency: t.currency,
    branding: t.branding,
    theme: themeOf(config?.theme),
    /** The languages the store's pages are offered in, its default first. */
    languages: languagesOf(t.locale, config?.enabledLocales ?? []),
    seo: { title: config?.seoTitle ?? t.name, description: config?.seoDescription ?? null },
    /** False until the store has a payment provider: the checkout says the store is not ready to sell. */
    readyToSell,
    /** Whether a change to this store is announced where the store-page cache listens (see TenantSummary). */
    pagesCacheable: ctx.tenant.dedicatedDatabase !== true,
  };
}

const loadConfig = (ctx: StorefrontContext) =>
  Promise.all([
    ctx.tdb.storefrontConfig.findFirst({ select: { theme: true, themeSettings: true, seoTitle: true, seoDescription: true, enabledLocales: true } }),
    ctx.tdb.paymentSettings.count().then((n) => n > 0),
  ]);

/** The store itself (name, language, currency, branding, theme, readiness to sell): what every store page needs. */
export async function storefrontStore(ctx: StorefrontContext) {
  const [config, readyToSell] = await loadConfig(ctx);
  return storeOf(ctx, config, readyToSell);
}

/** What the store's front page needs: the store, its look, its categories and its newest products. */
export async function storefrontHome(ctx: StorefrontContext) {
  const [[config, readyToSell], categories, collections, products] = await Promise.all([
    loadConfig(ctx),
    ctx.tdb.category.findMany({
      where: { parentId: null },
      orderBy: [{ position: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true, slug: true },
    }),
    storefrontCollections(ctx),
    storefrontProducts(ctx, { limit: 24 }),
  ]);
  const t = ctx.tenant;
  return {
    store: storeOf(ctx, config, readyToSell),
    theme: { name: themeOf(config?.theme), settings: (config?.themeSettings ?? {}) as Record<string, unknown> },
    seo: { title: config?.seoTitle ?? t.name, description: config?.seoDescription ?? null },
    categories,
    collections,
    products,
  };
}
