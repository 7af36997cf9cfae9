import type { Prisma } from '@vitrine/db';
import type { Stripe } from '@vitrine/payments';

export const INTERVALS = ['month', 'year'] as const;
export type BillingInterval = (typeof INTERVALS)[number];

type PriceReader = Pick<Prisma.TransactionClient, 'planStripePrice'>;

/** The plan a Stripe price sells (plan_stripe_prices, by the price's lookup key); null for a price Vitrine does not sell. */
export async function planOfPrice(db: PriceReader, price: Pick<Stripe.Price, 'lookup_key'> | null | undefined): Promise<string | null> {
  if (!price?.lookup_key) return null;
  const row = await db.planStripePrice.findUnique({ where: { lookupKey: price.lookup_key }, select: { planCode: true } });
  return row?.planCode ?? null;
}

/** The lookup key that sells `planCode` per `interval`, or null when the plan is not sold that way. */
export async function lookupKeyOf(db: PriceReader, planCode: string, interval: BillingInterval): Promise<string | null> {
  const row = await db.planStripePrice.findUnique({ where: { planCode_interval: { planCode, interval } }, select: { lookupKey: true } });
  return row?.lookupKey ?? null;
}

/** The active Stripe price with this lookup key (null when Stripe has none). */
export async function stripePriceByLookupKey(stripe: Stripe, lookupKey: string): Promise<Stripe.Price | null> {
  const found = await stripe.prices.list({ lookup_keys: [lookupKey], limit: 1 });
  return found.data[0] ?? null;
}

/** Every price Vitrine sells (plan, interval, lookup key), for the plan-change buttons. */
export function sellablePrices(db: PriceReader) {
  return db.planStripePrice.findMany({ orderBy: [{ planCode: 'asc' }, { interval: 'asc' }], select: { planCode: true, interval: true, lookupKey: true } });
}
