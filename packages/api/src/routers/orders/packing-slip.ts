import { notFound } from '../../errors.ts';
import type { TenantContext } from '../../trpc.ts';
import { ORDER_NOT_FOUND } from './detail.ts';
import type { OrderIdInput } from './inputs.ts';

export interface PackingSlipAddress {
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  country: string;
}

/** What goes in the box with the goods: who it is for and what to pack. No prices, by design. */
export interface PackingSlip {
  store: { name: string; logoUrl: string | null };
  number: number;
  placedAt: Date;
  buyerName: string;
  /** How it leaves the store (the rate's name, or the pickup place); `pickup` when the buyer collects it. */
  shippingMethodName: string;
  pickup: boolean;
  shipTo: PackingSlipAddress;
  items: { title: string; variantLabel: string; sku: string; quantity: number }[];
}

function addressOf(value: unknown): PackingSlipAddress {
  const a = (value ?? {}) as Partial<Record<keyof PackingSlipAddress, unknown>>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    line1: text(a.line1),
    line2: text(a.line2) || null,
    city: text(a.city),
    region: text(a.region) || null,
    postalCode: text(a.postalCode),
    country: text(a.country),
  };
}

/** The packing slip of one of the store's orders (another store's order is NOT_FOUND, like any order read). */
export async function packingSlip(ctx: TenantContext, input: OrderIdInput): Promise<PackingSlip> {
  const order = await ctx.tdb.order.findFirst({
    where: { id: input.id },
    select: {
      number: true,
      createdAt: true,
      buyerName: true,
      shippingAddress: true,
      shippingMethod: true,
      shippingMethodName: true,
      items: { orderBy: { createdAt: 'asc' }, select: { title: true, variantLabel: true, sku: true, quantity: true } },
    },
  });
  if (!order) throw notFound(ORDER_NOT_FOUND);
  const branding = (ctx.tenant.branding ?? {}) as { logoUrl?: unknown };
  return {
    store: { name: ctx.tenant.name, logoUrl: typeof branding.logoUrl === 'string' ? branding.logoUrl : null },
    number: order.number,
    placedAt: order.createdAt,
    buyerName: order.buyerName,
    shippingMethodName: order.shippingMethodName,
    pickup: order.shippingMethod === 'pickup',
    shipTo: addressOf(order.shippingAddress),
    items: order.items,
  };
}
