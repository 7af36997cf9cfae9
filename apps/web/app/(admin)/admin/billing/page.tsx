import { redirect } from 'next/navigation';
import { Badge, Card, EmptyState, PageHeader, Table, formatMoney } from '@vitrine/ui';
import { adminCaller } from '../../../../src/admin/active-tenant.ts';
import type { Locale } from '../../../../src/i18n/locale.ts';
import { billingMessages, type BillingMessages } from '../../../../src/i18n/messages/billing.ts';
import { messagesFor, requestLocale } from '../../../../src/i18n/request-locale.ts';
import { formatDateTime } from '../../../../src/mercadolivre/format.ts';
import { load } from '../../../../src/mercadolivre/load.ts';
import { currentUser } from '../../../../src/server/auth.ts';
import { SubscriptionSection } from './subscription-section.tsx';

export const metadata = { title: 'Plan · Vitrine' };

type LimitKey = 'products' | 'ordersPerMonth' | 'staffUsers' | 'mlAccounts' | 'storageMb' | 'apiRatePerMinute';

/** A limit's figure in the page's language (storage in MB). */
function amount(key: LimitKey, value: number, t: BillingMessages, locale: Locale): string {
  const text = value.toLocaleString(locale, { maximumFractionDigits: key === 'storageMb' ? 1 : 0 });
  return key === 'storageMb' ? t.megabytes(text) : text;
}

const limitText = (key: LimitKey, value: number | null, t: BillingMessages, locale: Locale) => (value === null ? t.unlimited : amount(key, value, t, locale));

function priceText(plan: { priceAmount: number; currency: string; code: string }, t: BillingMessages, locale: Locale): string {
  if (plan.priceAmount > 0) return `${formatMoney(plan.priceAmount, plan.currency, locale)} ${t.perMonth}`;
  return plan.code === 'enterprise' ? t.custom : t.free;
}

function Refused({ t, refusal }: { t: BillingMessages; refusal: { error: string; code: string } }) {
  return (
    <main className="v-page">
      <PageHeader title={t.plan} />
      <EmptyState title={t.plan}>
        <span data-testid="page-refused">{refusal.code === 'FORBIDDEN' ? t.planRefused : refusal.error}</span>
      </EmptyState>
    </main>
  );
}

/**
 * The store's plan (plans table) for members holding billing:manage: a meter per limit with what the store
 * uses, the "limit reached" state with the plan that lifts it, and the public plans side by side.
 */
export default async function BillingPage() {
  if (!(await currentUser())) redirect('/login?next=/admin/billing');
  const [t, locale] = [await messagesFor(billingMessages), await requestLocale()];
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  const [current, usage, subscription, prices, invoices] = await Promise.all([
    load(() => caller.billing.plan()),
    load(() => caller.billing.usage()),
    load(() => caller.billing.subscription()),
    load(() => caller.billing.prices()),
    load(() => caller.billing.invoices()),
  ]);
  if (current.error !== null) return <Refused t={t} refusal={current} />;
  if (usage.error !== null) return <Refused t={t} refusal={usage} />;
  if (subscription.error !== null) return <Refused t={t} refusal={subscription} />;
  const { plan, trialEndsAt } = current.data;
  const { meters, plans } = usage.data;
  const reached = meters.filter((m) => m.reached);
  return (
    <main className="v-page">
      <PageHeader title={`${t.planTitle}: ${plan.name}`} />
      <Card>
        <p data-testid="plan-price">
          {t.price}: {priceText(plan, t, locale)}
        </p>
        {trialEndsAt ? (
          <p>
            {t.trialUntil}: {formatDateTime(trialEndsAt, locale)}
          </p>
        ) : null}
        {reached.length > 0 ? (
          <p role="status" data-testid="limits-reached">
            <Badge tone="danger">{t.limitReached}</Badge> {t.reachedSummary(reached.length)}
          </p>
        ) : null}
      </Card>

      <SubscriptionSection view={subscription.data} prices={prices.data ?? []} invoices={invoices.data} t={t} locale={locale} />

      <h2>{t.usageTitle}</h2>
      <Table data-testid="plan-limits">
        <thead>
          <tr>
            <th />
            <th>{t.using}</th>
            <th>{t.limit}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {meters.map((meter) => (
            <tr key={meter.key} data-testid={`usage-${meter.key}`} data-reached={meter.reached ? 'true' : 'false'}>
              <td>{t[meter.key]}</td>
              <td>
                {meter.used === null ? (
                  t.notCounted
                ) : meter.limit === null ? (
                  amount(meter.key, meter.used, t, locale)
                ) : (
                  <>
                    <meter
                      min={0}
                      max={meter.limit}
                      value={Math.min(meter.used, meter.limit)}
                      low={meter.limit * 0.6}
                      high={meter.limit * 0.85}
                      optimum={0}
                      aria-label={t[meter.key]}
                    />{' '}
                    {t.usedOf(amount(meter.key, meter.used, t, locale), amount(meter.key, meter.limit, t, locale))} ({meter.percent}%)
                  </>
                )}
              </td>
              <td>{limitText(meter.key, meter.limit, t, locale)}</td>
              <td>
                {meter.reached ? (
                  <>
                    <Badge tone="danger">{t.limitReached}</Badge>{' '}
                    <span data-testid={`usage-${meter.key}-upgrade`}>
                      {meter.upgradeTo === null
                        ? t.reachedNoUpgrade
                        : meter.upgradeTo.limit === null
                          ? t.reachedUpgradeUnlimited(meter.upgradeTo.name)
                          : t.reachedUpgrade(meter.upgradeTo.name, amount(meter.key, meter.upgradeTo.limit, t, locale))}
                    </span>
                  </>
                ) : meter.percent !== null && meter.percent >= 85 ? (
                  <Badge tone="warning">{t.nearLimit}</Badge>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>

      <h2>{t.compareTitle}</h2>
      <Table data-testid="plan-comparison">
        <thead>
          <tr>
            <th />
            {plans.map((p) => (
              <th key={p.code} data-testid={`plan-column-${p.code}`} aria-current={p.current ? 'true' : undefined}>
                {p.name} {p.current ? <Badge tone="success">{t.current}</Badge> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{t.price}</td>
            {plans.map((p) => (
              <td key={p.code}>{priceText(p, t, locale)}</td>
            ))}
          </tr>
          {meters.map((meter) => (
            <tr key={meter.key}>
              <td>{t[meter.key]}</td>
              {plans.map((p) => (
                <td key={p.code}>{limitText(meter.key, p.limits[meter.key], t, locale)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </main>
  );
}
