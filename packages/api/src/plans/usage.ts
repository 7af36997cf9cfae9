import type { ScopedTransaction, TenantDb } from '@vitrine/db';
import type { CountedKey } from './limits.ts';

/**
 * What a store uses of each counted limit, read inside a transaction scoped to the store (RLS confines every
 * count to it; the tenant_id filters say so again and use the indexes that start with it).
 *
 * - products: products not archived (archiving frees a place; restoring takes one again);
 * - ordersPerMonth: orders created since the start of the month (UTC), whatever their status;
 * - staffUsers: members, owner included, plus pending invitations (each holds a seat until it is accepted,
 *   revoked or expires);
 * - mlAccounts: Mercado Livre accounts not disconnected;
 * - storageMb: in BYTES, the sum of product_images.size_bytes (every stored rendition of every attached image).
 */
export async function countUsage(tx: ScopedTransaction, tenantId: string, key: CountedKey): Promise<number> {
  switch (key) {
    case 'products':
      return tx.product.count({ where: { tenantId, status: { not: 'ARCHIVED' } } });
    case 'staffUsers': {
      // One after the other: a transaction is one connection.
      const members = await tx.membership.count({ where: { tenantId } });
      const pending = await tx.invitation.count({ where: { tenantId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } });
      return members + pending;
    }
    case 'mlAccounts':
      return tx.mlAccount.count({ where: { tenantId, status: { not: 'DISCONNECTED' } } });
    case 'storageMb': {
      const sum = await tx.productImage.aggregate({ where: { tenantId }, _sum: { sizeBytes: true } });
      return sum._sum.sizeBytes ?? 0;
    }
    case 'ordersPerMonth':
      return ordersThisMonth(tx, tenantId);
  }
}

/** Orders created since the start of the month, UTC (the order's status does not matter: a placed order counts). */
function ordersThisMonth(tx: ScopedTransaction, tenantId: string): Promise<number> {
  const now = new Date();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  return tx.order.count({ where: { tenantId, createdAt: { gte: monthStart } } });
}

/** One counted limit's use, in its own scoped transaction (bytes for storageMb). */
export function usageOf(ctx: { tdb: TenantDb; tenant: { id: string } }, key: CountedKey): Promise<number> {
  return ctx.tdb.$scoped((tx) => countUsage(tx, ctx.tenant.id, key));
}
