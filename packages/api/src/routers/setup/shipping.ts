import { audit, memberActor } from '../../audit.ts';
import type { TenantContext } from '../../trpc.ts';
import type { ShippingInput } from './inputs.ts';
import { markStep } from './progress.ts';

/** The store's shipping rates: the bands in order, and local pickup if offered. */
export async function shippingRates(ctx: TenantContext) {
  const rows = await ctx.tdb.shippingRate.findMany({ orderBy: [{ kind: 'asc' }, { position: 'asc' }] });
  const bands = rows.filter((r) => r.kind !== 'PICKUP');
  const pickup = rows.find((r) => r.kind === 'PICKUP');
  return {
    basis: (bands[0]?.kind ?? 'ORDER_VALUE') as 'WEIGHT' | 'ORDER_VALUE',
    currency: ctx.tenant.currency,
    bands: bands.map((b) => ({ id: b.id, name: b.name, minValue: b.minValue, maxValue: b.maxValue, priceAmount: b.priceAmount })),
    pickup: pickup ? { name: pickup.name, priceAmount: pickup.priceAmount } : null,
  };
}

/** Step 6: the rates become exactly these (replaced in one transaction; bands were checked not to overlap). */
export async function saveShipping(ctx: TenantContext, input: ShippingInput) {
  const tenantId = ctx.tenant.id;
  const currency = ctx.tenant.currency;
  const bands = [...input.bands].sort((a, b) => a.minValue - b.minValue);
  await ctx.tdb.$scoped(async (tx) => {
    await tx.shippingRate.deleteMany({});
    await tx.shippingRate.createMany({
      data: [
        ...bands.map((b, position) => ({ tenantId, kind: input.basis, name: b.name, minValue: b.minValue, maxValue: b.maxValue, priceAmount: b.priceAmount, currency, position })),
        ...(input.pickup ? [{ tenantId, kind: 'PICKUP' as const, name: input.pickup.name, priceAmount: input.pickup.priceAmount, currency, position: 0 }] : []),
      ],
    });
    await audit(tx, memberActor(ctx), {
      tenantId,
      action: 'setup.shipping_saved',
      targetType: 'tenant',
      targetId: tenantId,
      data: { basis: input.basis, bands, pickup: input.pickup },
    });
    await markStep(tx, tenantId, 'shipping');
  });
  return shippingRates(ctx);
}
