import { brandingOf } from '../../tenancy/tenant-summary.ts';
import type { StorefrontContext, TenantContext } from '../../trpc.ts';
import { storefrontHome } from '../storefront/home.ts';
import type { StoreTheme } from './themes.ts';

/**
 * The store's front page as buyers will see it, for its own members only and before it is published (the
 * wizard's live preview). With `theme`, the page is shown in that theme without saving it.
 */
export async function storePreview(ctx: TenantContext, theme?: StoreTheme) {
  const t = ctx.tenant;
  const storefrontCtx: StorefrontContext = {
    ...ctx,
    tenant: {
      id: t.id,
      slug: t.slug,
      name: t.name,
      status: t.status,
      billingStatus: t.billingStatus,
      locale: t.locale,
      currency: t.currency,
      branding: brandingOf(t.branding),
      published: true,
    },
  };
  const home = await storefrontHome(storefrontCtx);
  if (!theme) return home;
  return { ...home, store: { ...home.store, theme }, theme: { ...home.theme, name: theme } };
}
