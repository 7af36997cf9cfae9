import { Prisma, type TenantDb } from '@vitrine/db';
import type { TenantContext } from '../../trpc.ts';
import type { DashboardSummaryInput } from './inputs.ts';
import { SALES_SOURCES, type SalesSource } from './sources.ts';

const DAY_MS = 86_400_000;
const TOP_PRODUCTS = 5;

/** The UTC days of the period, oldest first, ending today. */
export function periodDays(days: number, now = new Date()): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) => new Date(today - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

async function visitsByDay(tdb: TenantDb, from: string): Promise<Map<string, number>> {
  const rows = await tdb.$scopedRaw<{ day: string; visits: number }[]>(Prisma.sql`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, visits FROM store_visits_daily WHERE day >= ${from}::date`);
  return new Map(rows.map((r) => [r.day, r.visits]));
}

/**
 * Sales, orders, storefront visits and conversion for the last 7, 30 or 90 days (UTC), one point a day,
 * and the best-selling products — from the store's real rows. Sales are per currency; the chart follows
 * the currency that sold most.
 */
export async function dashboardSummary(ctx: TenantContext, input: DashboardSummaryInput, sources: readonly SalesSource[] = SALES_SOURCES) {
  const days = periodDays(input.days);
  const from = new Date(`${days[0]}T00:00:00Z`);
  const [visits, perSource, topPerSource] = await Promise.all([
    visitsByDay(ctx.tdb, days[0]!),
    Promise.all(sources.map((s) => s.dailySales(ctx.tdb, from))),
    Promise.all(sources.map((s) => s.topProducts(ctx.tdb, from, TOP_PRODUCTS))),
  ]);
  const sales = perSource.flat();

  const salesByCurrency = new Map<string, number>();
  for (const row of sales) salesByCurrency.set(row.currency, (salesByCurrency.get(row.currency) ?? 0) + row.salesMinor);
  const totals = [...salesByCurrency].map(([currency, totalMinor]) => ({ currency, totalMinor })).sort((a, b) => b.totalMinor - a.totalMinor);
  const currency = totals[0]?.currency ?? ctx.tenant.currency;

  const daily = days.map((day) => {
    const ofDay = sales.filter((r) => r.day === day);
    return {
      day,
      orders: ofDay.reduce((n, r) => n + r.orders, 0),
      salesMinor: ofDay.filter((r) => r.currency === currency).reduce((n, r) => n + r.salesMinor, 0),
      visits: visits.get(day) ?? 0,
    };
  });
  const orders = daily.reduce((n, d) => n + d.orders, 0);
  const visitCount = daily.reduce((n, d) => n + d.visits, 0);

  return {
    days: input.days,
    from: days[0]!,
    to: days.at(-1)!,
    sources: sources.map((s) => ({ id: s.id, label: s.label })),
    currency,
    sales: totals,
    orders,
    visits: visitCount,
    /** Orders per storefront visit; null when there were no visits. */
    conversion: visitCount > 0 ? orders / visitCount : null,
    daily,
    topProducts: topPerSource
      .flat()
      .sort((a, b) => b.salesMinor - a.salesMinor || b.quantity - a.quantity)
      .slice(0, TOP_PRODUCTS),
  };
}
