import { Prisma } from '@vitrine/db';
import type { AuthedContext } from '../../trpc.ts';
import { dailyRows, storeRows, type DayRow, type RawRunner, type StoreRow } from './aggregate.ts';
import type { StatsInput } from './inputs.ts';

/**
 * The platform's numbers (/platform/stats): stores by status and plan, sign-ups per day (from tenants), and per
 * currency the paid orders and GMV (net of refunds) per day and per store (from tenant_daily_stats, never orders).
 */
const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function platformStats(ctx: AuthedContext, input: StatsInput) {
  const today = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
  const sinceDate = new Date(today.getTime() - (input.days - 1) * DAY_MS);
  const since = isoDay(sinceDate);
  const db = ctx.db.platform;

  const [byStatus, byPlan, plans, signups, dedicated] = await Promise.all([
    db.tenant.groupBy({ by: ['status'], _count: { _all: true } }),
    db.tenant.groupBy({ by: ['planCode'], _count: { _all: true } }),
    db.plan.findMany({ select: { code: true, name: true, rank: true } }),
    db.$queryRaw<{ day: string; n: number }[]>(Prisma.sql`
      SELECT to_char((created_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, count(*)::int AS n
      FROM tenants WHERE created_at >= ${sinceDate} GROUP BY 1 ORDER BY 1`),
    db.tenant.findMany({ where: { databaseUrlEnc: { not: null } }, select: { id: true } }),
  ]);

  const dedicatedIds = dedicated.map((t) => t.id);
  const pooled: RawRunner = (query) => db.$queryRaw(query);
  const parts: Promise<[DayRow[], StoreRow[]]>[] = [Promise.all([dailyRows(pooled, since, dedicatedIds), storeRows(pooled, since, dedicatedIds)])];
  for (const id of dedicatedIds) {
    const tdb = await ctx.db.forTenant(id);
    const own: RawRunner = (query) => tdb.$scopedRaw(query);
    parts.push(Promise.all([dailyRows(own, since), storeRows(own, since)]));
  }
  const results = await Promise.all(parts);
  const days = mergeDays(results.flatMap(([d]) => d));
  const stores = results.flatMap(([, s]) => s);

  const days0 = Array.from({ length: input.days }, (_, i) => isoDay(new Date(sinceDate.getTime() + i * DAY_MS)));
  const currencies = [...new Set(days.filter((d) => d.currency !== 'XXX').map((d) => d.currency))].sort();
  const names = await storeNames(ctx, stores.map((s) => s.tenantId));
  const planName = new Map(plans.map((p) => [p.code, p.name]));
  const signupsByDay = new Map(signups.map((s) => [s.day, s.n]));

  return {
    since,
    until: isoDay(today),
    tenantsByStatus: byStatus.map((s) => ({ status: s.status, count: s._count._all })).sort((a, b) => a.status.localeCompare(b.status)),
    tenantsByPlan: byPlan
      .map((p) => ({ planCode: p.planCode, planName: planName.get(p.planCode) ?? p.planCode, count: p._count._all }))
      .sort((a, b) => b.count - a.count || a.planCode.localeCompare(b.planCode)),
    tenantsTotal: byStatus.reduce((n, s) => n + s._count._all, 0),
    signups: days0.map((day) => ({ day, count: signupsByDay.get(day) ?? 0 })),
    newProducts: days.filter((d) => d.currency === 'XXX').reduce((n, d) => n + d.newProducts, 0),
    currencies: currencies.map((currency) => {
      const mine = new Map(days.filter((d) => d.currency === currency).map((d) => [d.day, d]));
      const series = days0.map((day) => {
        const d = mine.get(day);
        return { day, paidOrders: d?.paidOrders ?? 0, paidMinor: d?.paidMinor ?? 0, ordersPlaced: d?.ordersPlaced ?? 0 };
      });
      const all = [...mine.values()];
      const sum = (f: (d: DayRow) => number) => all.reduce((n, d) => n + f(d), 0);
      return {
        currency,
        ordersPlaced: sum((d) => d.ordersPlaced),
        paidOrders: sum((d) => d.paidOrders),
        paidMinor: sum((d) => d.paidMinor),
        refundedMinor: sum((d) => d.refundedMinor),
        cancelledOrders: sum((d) => d.cancelledOrders),
        days: series,
        topStores: stores
          .filter((s) => s.currency === currency)
          .sort((a, b) => b.paidMinor - a.paidMinor)
          .slice(0, 10)
          .map((s) => ({ ...s, name: names.get(s.tenantId)?.name ?? s.tenantId, slug: names.get(s.tenantId)?.slug ?? '' })),
      };
    }),
  };
}

function mergeDays(rows: DayRow[]): DayRow[] {
  const merged = new Map<string, DayRow>();
  for (const r of rows) {
    const key = `${r.day}|${r.currency}`;
    const m = merged.get(key);
    if (!m) merged.set(key, { ...r });
    else {
      m.ordersPlaced += r.ordersPlaced;
      m.paidOrders += r.paidOrders;
      m.paidMinor += r.paidMinor;
      m.refundedMinor += r.refundedMinor;
      m.cancelledOrders += r.cancelledOrders;
      m.newProducts += r.newProducts;
    }
  }
  return [...merged.values()];
}

async function storeNames(ctx: AuthedContext, ids: string[]) {
  const rows = ids.length ? await ctx.db.platform.tenant.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true, slug: true } }) : [];
  return new Map(rows.map((r) => [r.id, r]));
}
