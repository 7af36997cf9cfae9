import { TRPCError } from '@trpc/server';
import type { Prisma } from '@vitrine/db';
import { audit } from '../../audit.ts';
import { accountView } from './accounts.ts';
import { addressView } from './addresses.ts';
import type { DeleteMyDataInput } from './inputs.ts';
import { ordersOfAccount } from './orders.ts';
import { verifyPasswordOrDummy } from './passwords.ts';
import type { BuyerContext } from './session.ts';

/** Version of the file exportMyData returns; a reader checks it like the store export's manifest. */
export const BUYER_EXPORT_FORMAT = { format: 'vitrine.buyer-data', version: 1 } as const;

/**
 * Everything this store keeps about the signed-in buyer: the account (never the password's hash), the saved
 * addresses and the orders of their verified email with their items. One JSON document.
 */
export async function exportMyData(ctx: BuyerContext) {
  const { account } = ctx.buyer;
  const [addresses, orders] = await Promise.all([
    ctx.tdb.buyerAddress.findMany({ where: { accountId: account.id }, orderBy: { createdAt: 'asc' } }),
    ordersOfAccount(ctx.tdb, account),
  ]);
  return {
    ...BUYER_EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    store: { name: ctx.tenant.name },
    account: { ...accountView(account), emailVerifiedAt: account.emailVerifiedAt?.toISOString() ?? null, createdAt: account.createdAt.toISOString() },
    addresses: addresses.map((a) => ({ ...addressView(a), createdAt: a.createdAt.toISOString() })),
    orders: orders.map((o) => ({
      number: o.number,
      createdAt: o.createdAt.toISOString(),
      status: o.status,
      refundStatus: o.refundStatus,
      buyerName: o.buyerName,
      buyerEmail: o.buyerEmail,
      buyerPhone: o.buyerPhone,
      shippingAddress: o.shippingAddress,
      shippingMethod: o.shippingMethodName,
      currency: o.currency,
      subtotalAmount: o.subtotalAmount,
      discountAmount: o.discountAmount,
      shippingAmount: o.shippingAmount,
      taxAmount: o.taxAmount,
      totalAmount: o.totalAmount,
      refundedAmount: o.refundedAmount,
      couponCode: o.couponCode,
      carrier: o.carrier,
      trackingNumber: o.trackingNumber,
      items: o.items,
    })),
  };
}

/** What an anonymised order keeps of its address: the country and region (where tax was due), nothing else. */
function anonymisedAddress(value: Prisma.JsonValue): Prisma.InputJsonValue {
  const a = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const kept: Record<string, string> = { line1: '—', city: '—', postalCode: '—', country: typeof a.country === 'string' ? a.country : '' };
  if (typeof a.region === 'string' && a.region) kept.region = a.region;
  return kept;
}

export const DELETED_BUYER_NAME = 'Deleted buyer';
const deletedEmailOf = (orderId: string) => `deleted-${orderId.toLowerCase()}@deleted.invalid`;

/**
 * Deletes the buyer's account, addresses, sessions and email links, and anonymises the store's orders of their
 * verified email (name, email, phone and address replaced; items and totals kept for the store's accounting), in
 * one transaction with the audit row (which names no person: the deleted account's id and counts only). The
 * password is asked again. An unverified email's orders are left alone: the account never proved it owns them.
 */
export async function deleteMyData(ctx: BuyerContext, input: DeleteMyDataInput) {
  const { account } = ctx.buyer;
  if (!(await verifyPasswordOrDummy(account.passwordHash, input.password))) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'The password is not correct. Your account was not deleted.' });
  }
  const tenantId = ctx.tenant.id;
  return ctx.tdb.$scoped(async (tx) => {
    let ordersAnonymised = 0;
    if (account.emailVerifiedAt) {
      const orders = await tx.order.findMany({ where: { buyerEmail: account.email }, select: { id: true, shippingAddress: true } });
      for (const order of orders) {
        await tx.order.update({
          where: { id: order.id },
          data: { buyerName: DELETED_BUYER_NAME, buyerEmail: deletedEmailOf(order.id), buyerPhone: null, shippingAddress: anonymisedAddress(order.shippingAddress) },
        });
        await tx.couponRedemption.updateMany({ where: { orderId: order.id }, data: { buyerEmail: deletedEmailOf(order.id) } });
      }
      ordersAnonymised = orders.length;
    }
    const addresses = await tx.buyerAddress.deleteMany({ where: { accountId: account.id } });
    await tx.buyerSession.deleteMany({ where: { accountId: account.id } });
    await tx.buyerToken.deleteMany({ where: { accountId: account.id } });
    await tx.buyerAccount.delete({ where: { id: account.id } });
    await audit(tx, { requestId: ctx.requestId, ip: null }, {
      tenantId,
      action: 'buyer.data_deleted',
      targetType: 'buyer_account',
      targetId: account.id,
      data: { ordersAnonymised, addressesDeleted: addresses.count },
    });
    return { deleted: true, ordersAnonymised };
  });
}
