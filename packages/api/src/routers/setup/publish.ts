import { audit, memberActor } from '../../audit.ts';
import type { TenantContext } from '../../trpc.ts';
import { markStep } from './progress.ts';

/**
 * Step 8: the store goes live (or back to "coming soon"). Every cached answer about the store is dropped at
 * once, in this process and the others, so the storefront shows the change on the next request.
 */
export async function setPublished(ctx: TenantContext, published: boolean) {
  const tenantId = ctx.tenant.id;
  const publishedAt = await ctx.tdb.$scoped(async (tx) => {
    const current = await tx.storefrontConfig.findFirst({ select: { publishedAt: true } });
    const next = published ? (current?.publishedAt ?? new Date()) : null;
    if ((current?.publishedAt ?? null) !== next || !current) {
      await tx.storefrontConfig.upsert({ where: { tenantId }, create: { tenantId, publishedAt: next }, update: { publishedAt: next } });
    }
    if (!!current?.publishedAt !== published) {
      await audit(tx, memberActor(ctx), {
        tenantId,
        action: published ? 'storefront.published' : 'storefront.unpublished',
        targetType: 'tenant',
        targetId: tenantId,
      });
    }
    if (published) await markStep(tx, tenantId, 'publish');
    return next;
  });
  await ctx.tenantResolver.invalidateTenant(tenantId);
  return { published, publishedAt };
}
