import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Card, PageHeader, Table, formatMoney } from '@vitrine/ui';
import { platformCatalogueMessages } from '../../../../src/i18n/messages/platform-catalogue.ts';
import { requestLocale } from '../../../../src/i18n/request-locale.ts';
import { currentUser } from '../../../../src/server/auth.ts';
import { serverCaller } from '../../../../src/server/caller.ts';
import { createPlanAction } from './actions.ts';
import { MODULE_FIELDS } from './fields.ts';
import { PlanForm } from './plan-form.tsx';
import { moduleNames } from './module-names.ts';

export const metadata = { title: 'Plans · Vitrine platform' };

export default async function PlatformPlansPage() {
  const user = await currentUser();
  if (!user) redirect('/login?next=/platform/plans');
  if (user.platformRole !== 'SUPER_ADMIN') notFound();
  const locale = await requestLocale();
  const t = platformCatalogueMessages[locale];
  const plans = await (await serverCaller()).platformPlans.list();
  const modules = moduleNames();
  return (
    <main className="v-page">
      <PageHeader title={t.plansTitle} description={t.plansDescription} />
      <Table data-testid="plans-table">
        <thead>
          <tr>
            <th>{t.name}</th>
            <th>{t.code}</th>
            <th>{t.priceShort}</th>
            <th>{t.trialDays}</th>
            <th>{t.rankShort}</th>
            <th>{t.modules}</th>
            <th>{t.stores}</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((p) => (
            <tr key={p.code} data-plan={p.code}>
              <td>
                <Link href={`/platform/plans/${encodeURIComponent(p.code)}`}>{p.name}</Link>
              </td>
              <td>{p.code}</td>
              <td>{formatMoney(p.priceAmount, p.currency, locale === 'pt-BR' ? 'pt-BR' : 'en-US')}</td>
              <td>{p.trialDays}</td>
              <td>{p.rank ?? t.notOffered}</td>
              <td>{p.modules.map((m) => modules.find((x) => x.code === m)?.name ?? m).join(', ') || '—'}</td>
              <td>{p.tenants}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Card>
        <h2 style={{ marginTop: 0 }}>{t.newPlan}</h2>
        <PlanForm locale={locale} action={createPlanAction} modules={modules} plan={{ code: '', name: '', limits: {}, priceAmount: 0, currency: 'USD', trialDays: 14, rank: null, modules: [...MODULE_FIELDS] }} />
      </Card>
    </main>
  );
}
