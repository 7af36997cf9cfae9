import type { TenantContext } from '../../trpc.ts';
import { brandingOf } from '../../tenancy/tenant-summary.ts';

/** The store's settings as the admin's settings page shows them. */
export async function getSettings(ctx: Pick<TenantContext, 'tenant' | 'tdb' | 'db'>) {
  const [config, domains] = await Promise.all([
    ctx.tdb.storefrontConfig.findFirst(),
    ctx.db.platform.domain.findMany({
      where: { tenantId: ctx.tenant.id },
      select: { hostname: true, kind: true, verification: true, isPrimary: true },
      orderBy: [{ isPrimary: 'desc' }, { createdAt: 'asc' }],
    }),
  ]);
  const t = ctx.tenant;
  return {
    tenant: {
      id: t.id,
      slug: t.slug,
      name: t.name,
      status: t.status,
      billingStatus: t.billingStatus,
      planCode: t.planCode,
      locale: t.locale,
      currency: t.currency,
      country: t.country,
      branding: brandingOf(t.branding),
      trialEndsAt: t.trialEndsAt,
    },
    storefront: {
      theme: config?.theme ?? 'classic',
      themeSettings: (config?.themeSettings ?? {}) as Record<string, unknown>,
      seoTitle: config?.seoTitle ?? null,
      seoDescription: config?.seoDescription ?? null,
      published: !!config?.publishedAt,
      publishedAt: config?.publishedAt ?? null,
    },
    contact: { email: config?.contactEmail ?? null, phone: config?.contactPhone ?? null, address: config?.address ?? null },
    languages: { default: t.locale, enabled: config?.enabledLocales ?? [] },
    currencies: { base: t.currency, display: config?.displayCurrencies ?? [] },
    domains,
  };
}
