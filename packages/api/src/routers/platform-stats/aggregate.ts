import { Prisma } from '@vitrine/db';

/**
 * The stats queries: tenant_daily_stats only (kept by triggers on orders and products), never orders. Run on the
 * pooled database by the platform client (every pooled store's rows) and on each dedicated store's database through
 * its scoped client (that store's rows); the results add up.
 */
export type RawRunner = <T>(query: Prisma.Sql) => Promise<T>;

export interface DayRow {
  day: string;
  currency: string;
  ordersPlaced: number;
  paidOrders: number;
  paidMinor: number;
  refundedMinor: number;
  cancelledOrders: number;
  newProducts: number;
}

export interface StoreRow {
  tenantId: string;
  currency: string;
  paidOrders: number;
  paidMinor: number;
}

interface RawDay {
  day: string;
  currency: string;
  placed: number;
  paid: number;
  paid_minor: bigint;
  refunded_minor: bigint;
  cancelled: number;
  products: number;
}

const excluding = (ids: string[]) => (ids.length ? Prisma.sql`AND tenant_id NOT IN (${Prisma.join(ids)})` : Prisma.empty);

export async function dailyRows(run: RawRunner, since: string, exclude: string[] = []): Promise<DayRow[]> {
  const rows = await run<RawDay[]>(Prisma.sql`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, currency::text AS currency,
      sum(orders_placed)::int AS placed, sum(paid_orders)::int AS paid, sum(paid_total_minor)::bigint AS paid_minor,
      sum(refunded_minor)::bigint AS refunded_minor, sum(cancelled_orders)::int AS cancelled, sum(new_products)::int AS products
    FROM tenant_daily_stats
    WHERE day >= ${since}::date ${excluding(exclude)}
    GROUP BY day, currency
    ORDER BY day, currency`);
  return rows.map((r) => ({
    day: r.day,
    currency: r.currency,
    ordersPlaced: r.placed,
    paidOrders: r.paid,
    paidMinor: Number(r.paid_minor),
    refundedMinor: Number(r.refunded_minor),
    cancelledOrders: r.cancelled,
    newProducts: r.products,
  }));
}

export async function storeRows(run: RawRunner, since: string, exclude: string[] = [], limit = 50): Promise<StoreRow[]> {
  const rows = await run<{ tenant_id: string; currency: string; paid: number; paid_minor: bigint }[]>(Prisma.sql`
    SELECT tenant_id, currency::text AS currency, sum(paid_orders)::int AS paid, sum(paid_total_minor)::bigint AS paid_minor
    FROM tenant_daily_stats
    WHERE day >= ${since}::date AND currency <> 'XXX' ${excluding(exclude)}
    GROUP BY tenant_id, currency
    HAVING sum(paid_orders) > 0
    ORDER BY sum(paid_total_minor) DESC, tenant_id
    LIMIT ${limit}`);
  return rows.map((r) => ({ tenantId: r.tenant_id, currency: r.currency, paidOrders: r.paid, paidMinor: Number(r.paid_minor) }));
}
