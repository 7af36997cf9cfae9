import { Badge, Card, Table, formatMoney } from '@vitrine/ui';
import type { Locale } from '../../../../src/i18n/locale.ts';
import type { BillingMessages } from '../../../../src/i18n/messages/billing.ts';
import { CancelButton, ChoosePlanButton, PortalButton, ResumeButton } from '../../../../src/billing/billing-forms.tsx';

const day = (date: Date | null, locale: Locale) =>
  date ? date.toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }) : '—';

interface SubscriptionView {
  billingStatus: string;
  hasCustomer: boolean;
  subscription: {
    status: string;
    planCode: string | null;
    priceLookupKey: string | null;
    priceAmount: number | null;
    currency: string | null;
    interval: string | null;
    currentPeriodEnd: Date | null;
    cancelAtPeriodEnd: boolean;
    trialEnd: Date | null;
    latestInvoiceId: string | null;
  } | null;
  pastDueSince: Date | null;
  graceEndsAt: Date | null;
}

interface PriceChoice {
  planCode: string;
  planName: string;
  interval: string;
  lookupKey: string;
  amount: number | null;
  currency: string | null;
  trialDays: number;
}

interface InvoiceRow {
  id: string;
  number: string | null;
  status: string | null;
  total: number;
  currency: string;
  createdAt: Date;
  url: string | null;
}

function StatusLine({ view, t, locale, invoices }: { view: SubscriptionView; t: BillingMessages; locale: Locale; invoices: InvoiceRow[] | null }) {
  const sub = view.subscription;
  if (!sub) return <p data-testid="subscription-status" data-status="none">{t.noSubscription}</p>;
  const text =
    sub.status === 'trialing'
      ? t.statusTrialing(day(sub.trialEnd, locale))
      : sub.status === 'incomplete'
        ? t.statusIncomplete
        : sub.cancelAtPeriodEnd
          ? t.statusEnding(day(sub.currentPeriodEnd, locale))
          : t.statusActive(day(sub.currentPeriodEnd, locale));
  const firstInvoice = sub.status === 'incomplete' ? invoices?.find((i) => i.status === 'open' && i.url) : undefined;
  return (
    <>
      <p data-testid="subscription-status" data-status={sub.status}>
        {text}
        {firstInvoice ? (
          <>
            {' '}
            <a href={firstInvoice.url!}>{t.payFirstInvoice}</a>
          </>
        ) : null}
      </p>
      {sub.priceAmount !== null && sub.currency ? (
        <p data-testid="subscription-price">
          {t.currentPrice}: {t.billedAs(formatMoney(sub.priceAmount, sub.currency, locale), sub.interval === 'year' ? t.year : t.month)}
        </p>
      ) : null}
    </>
  );
}

/**
 * The store's Stripe subscription on the plan page: its status (trial end, renewal, cancellation, past due,
 * restricted), the portal link, cancel / keep, the plan choices and the invoices.
 */
export function SubscriptionSection({
  view,
  prices,
  invoices,
  t,
  locale,
}: {
  view: SubscriptionView;
  prices: PriceChoice[];
  invoices: InvoiceRow[] | null;
  t: BillingMessages;
  locale: Locale;
}) {
  const sub = view.subscription;
  const live = sub !== null && sub.status !== 'incomplete';
  return (
    <section aria-labelledby="subscription-title">
      <h2 id="subscription-title">{t.subscriptionTitle}</h2>
      <Card>
        {view.billingStatus === 'PAST_DUE' ? (
          <p role="status" data-testid="billing-past-due">
            <Badge tone="warning">{t.pastDueBadge}</Badge> {t.pastDue(day(view.pastDueSince, locale), day(view.graceEndsAt, locale))}
          </p>
        ) : null}
        {view.billingStatus === 'RESTRICTED' ? (
          <p role="alert" data-testid="billing-restricted">
            <Badge tone="danger">{t.restrictedBadge}</Badge> {t.restricted}
          </p>
        ) : null}
        <StatusLine view={view} t={t} locale={locale} invoices={invoices} />
        <div className="v-row">
          {view.hasCustomer ? <PortalButton label={t.managePayment} /> : null}
          {live && !sub.cancelAtPeriodEnd ? <CancelButton label={t.cancel} /> : null}
          {live && sub.cancelAtPeriodEnd ? <ResumeButton label={t.resume} /> : null}
        </div>
      </Card>

      <h2>{t.choosePlanTitle}</h2>
      <p>{t.choosePlanHint}</p>
      <Table data-testid="plan-choices">
        <tbody>
          {prices.map((p) => {
            const current = sub?.priceLookupKey === p.lookupKey;
            return (
              <tr key={p.lookupKey} data-testid={`plan-choice-${p.lookupKey}`}>
                <td>
                  {p.planName} · {t.intervalName(p.interval)}
                </td>
                <td>{p.amount !== null && p.currency ? t.billedAs(formatMoney(p.amount, p.currency, locale), p.interval === 'year' ? t.year : t.month) : '—'}</td>
                <td>{sub ? null : t.trialDays(p.trialDays)}</td>
                <td>
                  {current ? (
                    <Badge tone="success">{t.current}</Badge>
                  ) : (
                    <ChoosePlanButton label={t.choose(p.planName, p.interval)} planCode={p.planCode} interval={p.interval} mode={sub ? 'change' : 'subscribe'} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>

      <h2>{t.invoicesTitle}</h2>
      {invoices === null ? (
        <p>{t.invoicesUnavailable}</p>
      ) : invoices.length === 0 ? (
        <p>{t.noInvoices}</p>
      ) : (
        <Table data-testid="invoices">
          <thead>
            <tr>
              <th>{t.invoiceNumber}</th>
              <th>{t.invoiceDate}</th>
              <th>{t.invoiceTotal}</th>
              <th>{t.invoiceStatus}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {invoices.map((invoice) => (
              <tr key={invoice.id} data-testid="invoice-row" data-status={invoice.status ?? ''}>
                <td>{invoice.number ?? invoice.id}</td>
                <td>{day(invoice.createdAt, locale)}</td>
                <td>{formatMoney(invoice.total, invoice.currency, locale)}</td>
                <td>{t.invoiceStatusName(invoice.status ?? '')}</td>
                <td>{invoice.url ? <a href={invoice.url}>{t.viewInvoice}</a> : null}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
