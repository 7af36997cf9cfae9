import Link from 'next/link';
import { redirect } from 'next/navigation';
import { can } from '@vitrine/api';
import { Badge, Card, EmptyState, PageHeader, Table, formatMoney } from '@vitrine/ui';
import { adminCaller } from '../../../src/admin/active-tenant.ts';
import { StoreHeaderActions } from '../../../src/admin/store-header-actions.tsx';
import { storeUrl } from '../../../src/admin/store-url.ts';
import { SalesChart } from '../../../src/dashboard/sales-chart.tsx';
import { dashboardMessages } from '../../../src/i18n/messages/dashboard.ts';
import { messagesFor } from '../../../src/i18n/request-locale.ts';
import { load } from '../../../src/mercadolivre/load.ts';
import { currentUser } from '../../../src/server/auth.ts';

export const metadata = { title: 'Dashboard · Vitrine' };

const PERIODS = [7, 30, 90] as const;
type Period = (typeof PERIODS)[number];

const money = (minor: number, currency: string) => formatMoney(minor, currency, 'en-US');

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ days?: string }> }) {
  // Layouts and pages render in parallel: the page checks the session too.
  if (!(await currentUser())) redirect('/login?next=/admin');
  const t = await messagesFor(dashboardMessages);
  const { mine, active, caller } = await adminCaller();
  if (!active || !caller) {
    return (
      <main className="v-page">
        <EmptyState title={t.noStore} action={<Link className="v-button" href="/admin/stores/new">{t.openStore}</Link>}>
          {t.noStoreText}
        </EmptyState>
      </main>
    );
  }
  const requested = Number((await searchParams).days);
  const days: Period = PERIODS.includes(requested as Period) ? (requested as Period) : 30;
  const [summary, settings] = await Promise.all([load(() => caller.dashboard.summary({ days })), load(() => caller.tenant.settings.get())]);
  const published = settings.data?.storefront.published;

  return (
    <main className="v-page">
      <PageHeader
        title={`${t.title} · ${active.name}`}
        description={
          <>
            <a href={storeUrl(active.slug)}>{storeUrl(active.slug).replace(/^https?:\/\//, '')}</a>{' '}
            {published === undefined ? null : published ? <Badge tone="success">Published</Badge> : <Badge tone="warning">Not published</Badge>}
          </>
        }
        actions={published === undefined ? null : <StoreHeaderActions mine={mine} activeId={active.id} published={published} />}
      />
      <nav aria-label={t.shortcuts} className="v-row" style={{ marginBottom: 'var(--space-4)' }}>
        <Link href="/admin/products">{t.products}</Link>
        <Link href="/admin/mercadolivre">Mercado Livre</Link>
        {can(active, 'team:manage') ? <Link href="/admin/team">{t.team}</Link> : null}
        {can(active, 'settings:read') ? <Link href="/admin/settings">{t.settings}</Link> : null}
        {can(active, 'audit:read') ? <Link href="/admin/audit">{t.audit}</Link> : null}
        {can(active, 'billing:manage') ? <Link href="/admin/billing">{t.billing}</Link> : null}
      </nav>
      {summary.error !== null ? (
        <EmptyState title={t.title}>{summary.code === 'FORBIDDEN' ? t.refused : summary.error}</EmptyState>
      ) : (
        <Summary data={summary.data} t={t} />
      )}
    </main>
  );
}

type SummaryData = Awaited<ReturnType<NonNullable<Awaited<ReturnType<typeof adminCaller>>['caller']>['dashboard']['summary']>>;

function Summary({ data, t }: { data: SummaryData; t: (typeof dashboardMessages)['en'] }) {
  const main = data.sales.find((s) => s.currency === data.currency);
  const others = data.sales.filter((s) => s.currency !== data.currency);
  return (
    <>
      <nav aria-label={t.period} className="v-row" style={{ marginBottom: 'var(--space-4)' }}>
        {PERIODS.map((p) =>
          p === data.days ? (
            <strong key={p} aria-current="page">
              {t.lastDays(p)}
            </strong>
          ) : (
            <Link key={p} href={`/admin?days=${p}`}>
              {t.lastDays(p)}
            </Link>
          ),
        )}
      </nav>
      <p data-testid="dashboard-source">{t.source(data.sources.map((s) => s.label).join(', '))}</p>
      <div className="v-grid" data-testid="dashboard-kpis">
        <Card>
          <h2 style={{ margin: 0, fontSize: '1rem' }}>{t.sales}</h2>
          <p style={{ fontSize: '1.6rem', margin: 'var(--space-2) 0 0' }} data-testid="kpi-sales">
            {money(main?.totalMinor ?? 0, data.currency)}
          </p>
          {others.length ? (
            <p style={{ margin: 0 }}>
              {t.otherCurrencies} {others.map((o) => money(o.totalMinor, o.currency)).join(', ')}
            </p>
          ) : null}
        </Card>
        <Card>
          <h2 style={{ margin: 0, fontSize: '1rem' }}>{t.orders}</h2>
          <p style={{ fontSize: '1.6rem', margin: 'var(--space-2) 0 0' }} data-testid="kpi-orders">
            {data.orders}
          </p>
        </Card>
        <Card>
          <h2 style={{ margin: 0, fontSize: '1rem' }}>{t.visits}</h2>
          <p style={{ fontSize: '1.6rem', margin: 'var(--space-2) 0 0' }} data-testid="kpi-visits">
            {data.visits}
          </p>
        </Card>
        <Card>
          <h2 style={{ margin: 0, fontSize: '1rem' }}>{t.conversion}</h2>
          <p style={{ fontSize: '1.6rem', margin: 'var(--space-2) 0 0' }} data-testid="kpi-conversion" title={t.conversionHelp}>
            {data.conversion === null ? '—' : `${(data.conversion * 100).toFixed(1)}%`}
          </p>
        </Card>
      </div>
      <Card>
        <h2 style={{ marginTop: 0 }}>{t.chartTitle(data.days)}</h2>
        <SalesChart days={data.daily} currency={data.currency} label={t.chartLabel} />
      </Card>
      <h2>{t.topProducts}</h2>
      {data.topProducts.length === 0 ? (
        <EmptyState title={t.topProducts}>{t.noSales}</EmptyState>
      ) : (
        <Table data-testid="top-products">
          <thead>
            <tr>
              <th>{t.product}</th>
              <th>{t.quantity}</th>
              <th>{t.sales}</th>
            </tr>
          </thead>
          <tbody>
            {data.topProducts.map((p) => (
              <tr key={`${p.key}-${p.currency}`}>
                <td>{p.title}</td>
                <td>{p.quantity}</td>
                <td>{money(p.salesMinor, p.currency)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
