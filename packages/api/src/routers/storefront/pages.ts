import { Prisma, type TenantDb } from '@vitrine/db';
import { notFound } from '../../errors.ts';
import type { StorefrontContext } from '../../trpc.ts';
import type { PageSlugInput } from '../pages/inputs.ts';

/** The store's footer: its published institutional pages and its contact details. */
export async function storefrontFooter(ctx: StorefrontContext) {
  const [pages, config] = await Promise.all([
    ctx.tdb.storePage.findMany({ where: { published: true }, select: { slug: true, title: true }, orderBy: { slug: 'asc' } }),
    ctx.tdb.storefrontConfig.findFirst({ select: { contactEmail: true, contactPhone: true, address: true } }),
  ]);
  return { pages, contact: { email: config?.contactEmail ?? null, phone: config?.contactPhone ?? null, address: config?.address ?? null } };
}

/** One published institutional page. */
export async function storefrontPage(ctx: StorefrontContext, input: PageSlugInput) {
  const page = await ctx.tdb.storePage.findFirst({ where: { slug: input.slug, published: true }, select: { slug: true, title: true, body: true } });
  if (!page) throw notFound('This page does not exist in this store.');
  return page;
}

/** Counts one storefront visit for today (UTC). */
export async function recordStoreVisit(ctx: StorefrontContext) {
  await recordStoreVisits(ctx.tdb, ctx.tenant.id, 1);
  return { counted: true };
}

/** Adds `visits` to the store's count for today (UTC): one upsert statement (the page cache writes its hits in batches). */
export async function recordStoreVisits(tdb: TenantDb, tenantId: string, visits: number): Promise<void> {
  if (!Number.isInteger(visits) || visits < 1) return;
  await tdb.$scopedRaw(Prisma.sql`
    INSERT INTO store_visits_daily (tenant_id, day, visits) VALUES (${tenantId}, (now() AT TIME ZONE 'UTC')::date, ${visits})
    ON CONFLICT (tenant_id, day) DO UPDATE SET visits = store_visits_daily.visits + EXCLUDED.visits
    RETURNING visits`);
}
