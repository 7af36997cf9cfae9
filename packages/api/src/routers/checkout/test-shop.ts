import type { SessionUser } from '../../context.ts';
import { newBuyerToken } from '../../commerce/tokens.ts';
import type { ApiHarness, Caller } from '../../test-support/harness.ts';

/**
 * Test support for the commerce tests: a published store with a T-shirt in sizes M (50.00, 3 in stock) and
 * L (55.00, 1 in stock) and a mug (20.00, 10 in stock); shipping by order value (Standard 15.00 below 200.00,
 * free from 200.00) and counter pickup (free).
 */
export interface TestShop {
  id: string;
  hostname: string;
  owner: SessionUser;
  /** The owner in the admin of this store. */
  admin(): Caller;
  /** A buyer on this store's host. */
  visitor(): Caller;
  /** Variant ids by name: teeM, teeL, mug. */
  variants: { teeM: string; teeL: string; mug: string };
  /** The Standard band's rate id. */
  standardRateId: string;
}

export const ADDRESS = { line1: 'Rua Augusta 100', city: 'São Paulo', region: 'SP', postalCode: '01304-000', country: 'BR' } as const;

export const cartToken = () => newBuyerToken();

export async function openShop(h: ApiHarness, slug: string): Promise<TestShop> {
  const owner = await h.createUser(`${slug}-owner`);
  const store = await h.createStore(owner, slug);
  const admin = () => h.caller(owner, { tenantId: store.id });
  const sku = (s: string) => `${slug.toUpperCase()}-${s}`;
  await admin().catalog.products.create({
    title: 'Tee',
    status: 'ACTIVE',
    variants: [
      { sku: sku('TEE-M'), priceAmount: 5_000, stock: 3, attributes: { Size: 'M' } },
      { sku: sku('TEE-L'), priceAmount: 5_500, stock: 1, attributes: { Size: 'L' } },
    ],
  });
  await admin().catalog.products.create({ title: 'Mug', status: 'ACTIVE', variants: [{ sku: sku('MUG'), priceAmount: 2_000, stock: 10 }] });
  await admin().setup.shipping.save({
    basis: 'ORDER_VALUE',
    bands: [
      { name: 'Standard', minValue: 0, maxValue: 20_000, priceAmount: 1_500 },
      { name: 'Free', minValue: 20_000, maxValue: null, priceAmount: 0 },
    ],
    pickup: { name: 'Shop counter', priceAmount: 0 },
  });
  await admin().tenant.settings.update({ published: true });
  const tdb = await h.db.forTenant(store.id);
  const rows = await tdb.productVariant.findMany({ select: { id: true, sku: true } });
  const idOf = (s: string) => rows.find((r) => r.sku === sku(s))!.id;
  const standard = await tdb.shippingRate.findFirstOrThrow({ where: { name: 'Standard' } });
  return {
    id: store.id,
    hostname: store.hostname,
    owner,
    admin,
    visitor: () => h.caller(null, { host: store.hostname }),
    variants: { teeM: idOf('TEE-M'), teeL: idOf('TEE-L'), mug: idOf('MUG') },
    standardRateId: standard.id,
  };
}

/** Stock of a variant as the database holds it. */
export async function stockOf(h: ApiHarness, shop: TestShop, variantId: string): Promise<number> {
  const tdb = await h.db.forTenant(shop.id);
  return (await tdb.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } })).stock;
}

/** A cart with the given lines, ordered to the test address with the Standard band (or pickup). */
export async function placeOrderFor(
  shop: TestShop,
  lines: { variantId: string; quantity: number }[],
  options: { email?: string; coupon?: string; pickup?: boolean } = {},
) {
  const token = cartToken();
  const buyer = shop.visitor();
  for (const line of lines) await buyer.cart.add({ cartToken: token, ...line });
  if (options.coupon) await buyer.cart.applyCoupon({ cartToken: token, code: options.coupon });
  return buyer.checkout.placeOrder({
    cartToken: token,
    email: options.email ?? 'buyer@example.test',
    name: 'Bia Buyer',
    address: ADDRESS,
    shippingOptionId: options.pickup ? 'pickup' : shop.standardRateId,
  });
}
