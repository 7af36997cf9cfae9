import type { BuyerAccount, TenantDb } from '@vitrine/db';
import type { BuyerContext } from './session.ts';

/**
 * The store's orders that belong to an account: those whose buyer email is the account's email, and only once that
 * email is verified (signing up with someone else's address shows nothing of theirs). Newest first.
 */
export async function ordersOfAccount(tdb: TenantDb, account: Pick<BuyerAccount, 'email' | 'emailVerifiedAt'>) {
  if (!account.emailVerifiedAt) return [];
  return tdb.order.findMany({
    where: { buyerEmail: account.email },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 500,
    include: { items: { orderBy: { createdAt: 'asc' }, select: { title: true, variantLabel: true, sku: true, quantity: true, unitPriceAmount: true, lineTotalAmount: true } } },
  });
}

/** The account page's order list: number, date, status, total and the tracking page (relative to the store's host). */
export async function orderHistory(ctx: BuyerContext) {
  const { account } = ctx.buyer;
  const orders = await ordersOfAccount(ctx.tdb, account);
  return {
    emailVerified: account.emailVerifiedAt !== null,
    orders: orders.map((o) => ({
      number: o.number,
      createdAt: o.createdAt,
      status: o.status,
      refundStatus: o.refundStatus,
      totalAmount: o.totalAmount,
      currency: o.currency,
      itemCount: o.items.reduce((n, i) => n + i.quantity, 0),
      carrier: o.carrier,
      trackingNumber: o.trackingNumber,
      trackingPath: `/orders/${o.trackingToken}`,
    })),
  };
}
