import { Prisma, type TenantDb } from '@vitrine/db';

/**
 * Where the dashboard's orders come from. Each source answers for one period (UTC days from `from`);
 * the summary adds sources up. Mercado Livre orders are the only source today; the storefront's own
 * orders will be a second source.
 */
export interface SalesSource {
  id: 'mercadolivre';
  label: string;
  dailySales(tdb: TenantDb, from: Date): Promise<DailySales[]>;
  topProducts(tdb: TenantDb, from: Date, limit: number): Promise<ProductSales[]>;
}

export interface DailySales {
  day: string;
  currency: string;
  orders: number;
  salesMinor: number;
}

export interface ProductSales {
  key: string;
  title: string;
  currency: string;
  quantity: number;
  salesMinor: number;
}

/** Mercado Livre statuses of an order that was paid (a partly refunded order still counts). */
const ML_SOLD_STATUSES = Prisma.join(['paid', 'partially_refunded']);

export const mercadoLivreOrders: SalesSource = {
  id: 'mercadolivre',
  label: 'Mercado Livre orders',
  async dailySales(tdb, from) {
    const rows = await tdb.$scopedRaw<{ day: string; currency: string; orders: number; sales: bigint }[]>(Prisma.sql`
      SELECT to_char((date_created AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, currency,
             count(*)::int AS orders, sum(COALESCE(paid_minor, total_minor))::bigint AS sales
        FROM ml_orders
       WHERE date_created >= ${from} AND status IN (${ML_SOLD_STATUSES})
       GROUP BY 1, 2`);
    return rows.map((r) => ({ day: r.day, currency: r.currency, orders: r.orders, salesMinor: Number(r.sales) }));
  },
  async topProducts(tdb, from, limit) {
    const rows = await tdb.$scopedRaw<{ key: string; title: string; currency: string; quantity: bigint; sales: bigint }[]>(Prisma.sql`
      SELECT i.ml_item_id AS key, max(i.title) AS title, i.currency,
             sum(i.quantity)::bigint AS quantity, sum(i.quantity * i.unit_price_minor)::bigint AS sales
        FROM ml_order_items i
        JOIN ml_orders o ON o.tenant_id = i.tenant_id AND o.id = i.order_id
       WHERE o.date_created >= ${from} AND o.status IN (${ML_SOLD_STATUSES})
       GROUP BY i.ml_item_id, i.currency
       ORDER BY sales DESC, quantity DESC, key
       LIMIT ${limit}`);
    return rows.map((r) => ({ key: r.key, title: r.title, currency: r.currency, quantity: Number(r.quantity), salesMinor: Number(r.sales) }));
  },
};

export const SALES_SOURCES: readonly SalesSource[] = [mercadoLivreOrders];
