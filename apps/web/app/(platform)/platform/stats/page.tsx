import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Card, EmptyState, PageHeader, Table, formatMoney } from '@vitrine/ui';
import { SalesChart } from '../../../../src/dashboard/sales-chart.tsx';
import { platformCatalogueMessages } from '../../../../src/i18n/messages/platform-catalogue.ts';
import { requestLocale } from '../../../../src/i18n/request-locale.ts';
import { CountChart } from '../../../../src/platform-stats/count-chart.tsx';
import { Kpi } from '../../../../src/platform-stats/kpi.tsx';
import { currentUser } from '../../../../src/server/auth.ts';
import { serverCaller } from '../../../../src/server/caller.ts';

export const metadata = { title: 'Stats · Vitrine platform' };

const PERIODS = [7, 30, 90, 365] as const;

export default async function PlatformStatsPage({ searchParams }: { searchParams: Promise<{ days?: string }> }) {
  const user = await currentUser();
  if (!user) redirect('/login?next=/platform/stats');
  if (user.platformRole !== 'SUPER_ADMIN') notFound();
  const locale = await requestLocale();
  const t = platformCatalogueMessages[locale];
  const requested = Number((await searchParams).days);
  const days = (PERIODS as readonly number[]).includes(requested) ? requested : 30;
  const stats = await (await serverCaller()).platformStats.overview({ days });
  const intl = locale === 'pt-BR' ? 'pt-BR' : 'en-US';
  const money = (minor: number, currency: string) => formatMoney(minor, currency, intl);
  const signups = stats.signups.reduce((n, d) => n + d.count, 0);
  return (
    <main className="v-page">
      <PageHeader title={t.statsTitle} description={t.statsDescription} />
      <nav aria-label={t.period} className="v-row" style={{ marginBottom: 'var(--space-4)' }}>
        {PERIODS.map((p) =>
          p === days ? (
            <strong key={p} aria-current="page">
              {p}d
            </strong>
          ) : (
            <Link key={p} href={`/platform/stats?days=${p}`}>
              {p}d
            </Link>
          ),
        )}
        <span>
          {stats.since} – {stats.until}
        </span>
      </nav>
      <div className="v-grid" data-testid="stats-kpis">
        <Kpi label={t.stores_total} value={stats.tenantsTotal} testId="kpi-stores" />
        <Kpi label={t.signups} value={signups} testId="kpi-signups" />
        <Kpi label={t.newProducts} value={stats.newProducts} testId="kpi-products" />
        {stats.currencies.map((c) => (
          <Kpi key={c.currency} label={`${t.gmv} · ${c.currency}`} value={money(c.paidMinor, c.currency)} testId={`kpi-gmv-${c.currency}`} />
        ))}
      </div>
      <Card>
        <h2 style={{ marginTop: 0 }}>{t.signupsChart}</h2>
        <CountChart days={stats.signups} label={t.signupsChart} unit={t.signups.toLowerCase()} testId="signups-chart" />
      </Card>
      {stats.currencies.length === 0 ? (
        <EmptyState title={t.gmv}>{t.noSales}</EmptyState>
      ) : (
        stats.currencies.map((c) => (
          <Card key={c.currency}>
            <h2 style={{ marginTop: 0 }}>
              {t.gmvChart} · {c.currency}
            </h2>
            <div className="v-grid" data-testid={`currency-${c.currency}`}>
              <Kpi label={t.paidOrders} value={c.paidOrders} testId={`kpi-paid-${c.currency}`} />
              <Kpi label={t.ordersPlaced} value={c.ordersPlaced} />
              <Kpi label={t.refunded} value={money(c.refundedMinor, c.currency)} />
              <Kpi label={t.cancelled} value={c.cancelledOrders} />
            </div>
            <SalesChart days={c.days.map((d) => ({ day: d.day, salesMinor: d.paidMinor, orders: d.paidOrders }))} currency={c.currency} label={`${t.gmvChart} · ${c.currency}`} />
            {c.topStores.length ? (
              <Table data-testid={`top-stores-${c.currency}`}>
                <caption style={{ textAlign: 'left', fontWeight: 600 }}>{t.topStores}</caption>
                <thead>
                  <tr>
                    <th>{t.store}</th>
                    <th>{t.paidOrders}</th>
                    <th>{t.gmv}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.topStores.map((s) => (
                    <tr key={s.tenantId}>
                      <td>
                        {s.name} <span style={{ fontSize: '0.85rem' }}>{s.slug}</span>
                      </td>
                      <td>{s.paidOrders}</td>
                      <td>{money(s.paidMinor, c.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            ) : null}
          </Card>
        ))
      )}
      <div className="v-grid">
        <Card>
          <Table data-testid="stores-by-status">
            <caption style={{ textAlign: 'left', fontWeight: 600 }}>{t.byStatus}</caption>
            <thead>
              <tr>
                <th>{t.status}</th>
                <th>{t.count}</th>
              </tr>
            </thead>
            <tbody>
              {stats.tenantsByStatus.map((s) => (
                <tr key={s.status}>
                  <td>{(t as Record<string, string>)[s.status] ?? s.status}</td>
                  <td>{s.count}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card>
          <Table data-testid="stores-by-plan">
            <caption style={{ textAlign: 'left', fontWeight: 600 }}>{t.byPlan}</caption>
            <thead>
              <tr>
                <th>{t.plan}</th>
                <th>{t.count}</th>
              </tr>
            </thead>
            <tbody>
              {stats.tenantsByPlan.map((p) => (
                <tr key={p.planCode}>
                  <td>{p.planName}</td>
                  <td>{p.count}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      </div>
    </main>
  );
}
