import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { MARKET_COUNTRIES, MARKET_CURRENCIES, MARKET_DEFAULTS, MARKET_LOCALES, NICHES, SETUP_STEPS, STORE_THEMES, type SetupStep } from '@vitrine/api';
import { Badge, Button, Card, Table } from '@vitrine/ui';
import { adminCaller } from '../../../../../src/admin/active-tenant.ts';
import { requestLocale } from '../../../../../src/i18n/request-locale.ts';
import { setupMessages } from '../../../../../src/i18n/messages/setup.ts';
import { currentUser } from '../../../../../src/server/auth.ts';
import { getEnv } from '../../../../../src/server/env.ts';
import { confirmDomainAction, publishAction, skipPaymentsAction } from '../../../../../src/setup/actions.ts';
import { DomainForm, IdentityForm, MarketForm, ProductForm, ShippingForm, StorePreview, StripeForm, ThemeForm } from '../../../../../src/setup/forms.tsx';

export const metadata = { title: 'Set up your store · Vitrine' };

const isStep = (value: string): value is SetupStep => (SETUP_STEPS as readonly string[]).includes(value);

function storeUrl(slug: string) {
  const env = getEnv();
  const app = new URL(env.APP_URL);
  return `${app.protocol}//${slug}.${env.PLATFORM_DOMAIN}${app.port ? `:${app.port}` : ''}/`;
}

/** Amounts in the form's text: minor units → "19.90" in the currency's major unit. */
function major(minor: number, currency: string) {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (minor / 10 ** digits).toFixed(digits);
}

const COUNTRY_NAMES: Record<string, string> = {
  BR: 'Brasil', PT: 'Portugal', US: 'United States', GB: 'United Kingdom', CA: 'Canada', ES: 'España', AR: 'Argentina', MX: 'México', CL: 'Chile', CO: 'Colombia',
};
const LANGUAGE_NAMES: Record<string, string> = { 'pt-BR': 'Português (Brasil)', en: 'English', es: 'Español' };
const NICHE_NAMES: Record<string, string> = {
  fashion: 'Fashion', beauty: 'Beauty', home: 'Home & decor', electronics: 'Electronics', food: 'Food & drink', sports: 'Sports',
  kids: 'Kids & toys', pets: 'Pets', books: 'Books', crafts: 'Crafts', other: 'Something else',
};

export default async function SetupStepPage({ params }: { params: Promise<{ step: string }> }) {
  if (!(await currentUser())) redirect('/login?next=/admin/setup');
  const { step } = await params;
  if (!isStep(step)) notFound();
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin/stores/new');
  const locale = await requestLocale();
  const t = setupMessages[locale];
  const [progress, settings] = await Promise.all([caller.setup.progress(), caller.tenant.settings.get()]);
  const { tenant, storefront } = settings;
  const platformDomain = getEnv().PLATFORM_DOMAIN;
  const label = (s: string) => (t as Record<string, string>)[`step_${s}`] ?? s;

  return (
    <main className="v-page">
      <div className="v-page-header">
        <div>
          <h1>{t.title}</h1>
          <p>
            {tenant.name} ·{' '}
            {progress.readyToSell ? (
              <Badge tone="success">{t.readyToSell}</Badge>
            ) : (
              <span data-testid="admin-not-ready">
                <Badge tone="warning">{t.notReadyToSell}</Badge>
              </span>
            )}
          </p>
        </div>
      </div>
      <nav aria-label={t.stepsLabel}>
        <ol className="v-row" style={{ listStyle: 'none', padding: 0, margin: '0 0 16px', gap: 8 }}>
          {progress.steps.map((s, i) => (
            <li key={s.step}>
              <Link
                href={`/admin/setup/${s.step}`}
                aria-current={s.step === step ? 'step' : undefined}
                className={`v-button${s.step === step ? '' : ' v-button--secondary'}`}
                style={{ padding: '4px 10px' }}
              >
                {i + 1}. {label(s.step)} <span className="v-sr-only" style={{ fontSize: '0.75rem', opacity: 0.8 }}>({(t as Record<string, string>)[`status_${s.status}`]})</span>
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      <Card>
        <h2 style={{ marginTop: 0 }} data-testid="setup-step-title">
          {label(step)}
        </h2>
        {await stepBody(step)}
      </Card>
    </main>
  );

  async function stepBody(step: SetupStep) {
    switch (step) {
      case 'identity': {
        const b = tenant.branding;
        return (
          <>
            <p>{t.identityIntro}</p>
            <IdentityForm
              locale={locale}
              platformDomain={platformDomain}
              defaults={{ name: tenant.name, slug: tenant.slug, logoUrl: b.logoUrl ?? null, primaryColor: b.primaryColor ?? '#2f5bea', accentColor: b.accentColor ?? '#f2a541' }}
            />
          </>
        );
      }
      case 'theme': {
        // The themes the platform offers now, and the store's own even when no longer offered.
        const offered = await caller!.platformThemes.offered();
        return (
          <>
            <p>{t.themeIntro}</p>
            <ThemeForm locale={locale} current={storefront.theme} themes={STORE_THEMES.filter((name) => name === storefront.theme || offered.includes(name))} />
          </>
        );
      }
      case 'market': {
        const options = (values: readonly string[], names: Record<string, string>) => values.map((v) => ({ value: v, label: names[v] ?? v }));
        return (
          <>
            <p>{t.marketIntro}</p>
            <MarketForm
              locale={locale}
              defaults={{ niche: progress.niche ?? 'other', country: tenant.country, currency: tenant.currency, locale: tenant.locale }}
              countries={options(MARKET_COUNTRIES, COUNTRY_NAMES)}
              currencies={options(MARKET_CURRENCIES, {})}
              languages={options(MARKET_LOCALES, LANGUAGE_NAMES)}
              niches={options(NICHES, NICHE_NAMES)}
              defaultsByCountry={MARKET_DEFAULTS}
            />
          </>
        );
      }
      case 'product':
        return (
          <>
            <p>{t.productIntro}</p>
            {progress.productCount > 0 ? (
              <p>
                <Link href="/admin/setup/payments">{t.continue} →</Link>
              </p>
            ) : null}
            <ProductForm locale={locale} currency={tenant.currency} />
          </>
        );
      case 'payments': {
        const payments = await caller!.setup.payments.get();
        return (
          <>
            <p>{t.paymentsIntro}</p>
            {!payments.readyToSell ? (
              <p className="v-alert" style={{ borderColor: 'var(--warning)', color: 'var(--warning)', background: '#fff8e6' }} data-testid="payments-not-ready">
                {t.notReadyToSellHelp}
              </p>
            ) : null}
            <StripeForm locale={locale} saved={payments} />
            <form action={skipPaymentsAction} style={{ marginTop: 12 }}>
              <Button type="submit" variant="secondary">
                {t.skipPayments}
              </Button>
            </form>
          </>
        );
      }
      case 'shipping': {
        const rates = await caller!.setup.shipping.get();
        const bound = (value: number | null) => (value === null ? '' : rates.basis === 'WEIGHT' ? String(value) : major(value, rates.currency));
        return (
          <>
            <p>{t.shippingIntro}</p>
            <ShippingForm
              locale={locale}
              currency={tenant.currency}
              defaults={{
                basis: rates.basis,
                // A first store starts from one open-ended "Standard" band (its price still to be given).
                bands: rates.bands.length
                  ? rates.bands.map((b) => ({ name: b.name, from: bound(b.minValue), to: bound(b.maxValue), price: major(b.priceAmount, rates.currency) }))
                  : [{ name: 'Standard', from: '0', to: '', price: '' }],
                pickup: rates.pickup ? { name: rates.pickup.name, price: major(rates.pickup.priceAmount, rates.currency) } : null,
              }}
            />
          </>
        );
      }
      case 'domain': {
        const domains = await caller!.setup.domain.get();
        return (
          <>
            <p>{t.domainIntro}</p>
            <p>
              {t.subdomain}:{' '}
              <a href={storeUrl(tenant.slug)} data-testid="store-subdomain">
                {domains.subdomain}
              </a>
            </p>
            {domains.custom.map((d) => (
              <section key={d.id} data-testid="custom-domain" style={{ marginBottom: 16 }}>
                <h3 style={{ marginBottom: 4 }}>
                  {d.hostname} <Badge tone={d.verification === 'VERIFIED' ? 'success' : d.verification === 'FAILED' ? 'danger' : 'warning'}>{(t as Record<string, string>)[`verification_${d.verification}`]}</Badge>
                </h3>
                {d.verification !== 'VERIFIED' ? (
                  <>
                    <p style={{ margin: '4px 0' }}>{t.dnsRecords}</p>
                    <Table>
                      <thead>
                        <tr>
                          <th>{t.recordType}</th>
                          <th>{t.recordName}</th>
                          <th>{t.recordValue}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {d.records.map((r) => (
                          <tr key={r.type}>
                            <td>{r.type}</td>
                            <td>
                              <code>{r.name}</code>
                            </td>
                            <td>
                              <code>{r.value}</code>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </Table>
                  </>
                ) : null}
              </section>
            ))}
            <DomainForm locale={locale} />
            <form action={confirmDomainAction} style={{ marginTop: 12 }}>
              <Button type="submit">{t.continue}</Button>
            </form>
          </>
        );
      }
      case 'publish':
        return (
          <>
            <p>{t.publishIntro}</p>
            <p data-testid="publish-state">
              {storefront.published ? <Badge tone="success">{t.published}</Badge> : <Badge tone="warning">{t.notPublished}</Badge>}{' '}
              {progress.nextStep === null ? <Badge tone="success">{t.finished}</Badge> : null}
            </p>
            {!progress.readyToSell ? <p data-testid="publish-not-ready">{t.notReadyToSellHelp}</p> : null}
            <form action={publishAction} className="v-row" style={{ alignItems: 'center' }}>
              <input type="hidden" name="published" value={storefront.published ? 'false' : 'true'} />
              <Button type="submit" variant={storefront.published ? 'secondary' : 'primary'}>
                {storefront.published ? t.unpublish : t.publish}
              </Button>
              <a href={storeUrl(tenant.slug)} target="_blank" rel="noreferrer" data-testid="visit-store">
                {t.visitStore} ↗
              </a>
            </form>
            <StorePreview title={t.preview} />
          </>
        );
    }
  }
}
