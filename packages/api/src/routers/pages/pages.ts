import type { StorePage } from '@vitrine/db';
import { audit, memberActor } from '../../audit.ts';
import { notFound } from '../../errors.ts';
import type { TenantContext } from '../../trpc.ts';
import { STANDARD_PAGES, type PageSlugInput, type SavePageInput } from './inputs.ts';

const view = (p: StorePage) => ({ slug: p.slug, title: p.title, body: p.body, published: p.published, updatedAt: p.updatedAt });

/** The store's pages, the standard ones first (those not written yet are listed as missing). */
export async function listPages(ctx: TenantContext) {
  const pages = await ctx.tdb.storePage.findMany({ orderBy: { slug: 'asc' } });
  const bySlug = new Map(pages.map((p) => [p.slug, p]));
  return {
    standard: STANDARD_PAGES.map((slug) => ({ slug, page: bySlug.has(slug) ? view(bySlug.get(slug)!) : null })),
    custom: pages.filter((p) => !(STANDARD_PAGES as readonly string[]).includes(p.slug)).map(view),
  };
}

export async function getPage(ctx: TenantContext, input: PageSlugInput) {
  const page = await ctx.tdb.storePage.findFirst({ where: { slug: input.slug } });
  if (!page) throw notFound('This page does not exist yet.');
  return view(page);
}

/** Creates or replaces the page at `slug`, audited in the same transaction. */
export async function savePage(ctx: TenantContext, input: SavePageInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const data = { title: input.title, body: input.body.replace(/\r\n/g, '\n'), published: input.published };
    const page = await tx.storePage.upsert({
      where: { tenantId_slug: { tenantId: ctx.tenant.id, slug: input.slug } },
      create: { tenantId: ctx.tenant.id, slug: input.slug, ...data },
      update: data,
    });
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: 'store_page.saved',
      targetType: 'store_page',
      targetId: page.id,
      data: { slug: page.slug, title: page.title, published: page.published, length: page.body.length },
    });
    return view(page);
  });
}

export async function deletePage(ctx: TenantContext, input: PageSlugInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const page = await tx.storePage.findFirst({ where: { slug: input.slug } });
    if (!page) throw notFound('This page does not exist.');
    await tx.storePage.delete({ where: { id: page.id } });
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: 'store_page.deleted',
      targetType: 'store_page',
      targetId: page.id,
      data: { slug: page.slug, title: page.title },
    });
    return { deleted: page.slug };
  });
}
