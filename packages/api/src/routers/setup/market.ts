import { audit, memberActor } from '../../audit.ts';
import type { TenantContext } from '../../trpc.ts';
import type { MarketInput } from './inputs.ts';
import { markStep } from './progress.ts';

/** Step 3: what the store sells, where, in which currency and language. */
export async function saveMarket(ctx: TenantContext, input: MarketInput) {
  const tenantId = ctx.tenant.id;
  const tenantData = { country: input.country, currency: input.currency, locale: input.locale };
  await ctx.tdb.$scoped(async (tx) => {
    // A pooled store's tenant row lives in this database: change it in the same transaction.
    if (!ctx.tenant.dedicated) await tx.tenant.update({ where: { id: tenantId }, data: tenantData });
    await tx.storeSetup.upsert({ where: { tenantId }, create: { tenantId, niche: input.niche }, update: { niche: input.niche } });
    await audit(tx, memberActor(ctx), { tenantId, action: 'setup.market_saved', targetType: 'tenant', targetId: tenantId, data: input });
    await markStep(tx, tenantId, 'market');
  });
  if (ctx.tenant.dedicated) await ctx.db.platform.tenant.update({ where: { id: tenantId }, data: tenantData });
  await ctx.tenantResolver.invalidateTenant(tenantId);
  return input;
}
