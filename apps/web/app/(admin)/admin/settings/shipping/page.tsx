import { redirect } from 'next/navigation';
import { Card, EmptyState, PageHeader } from '@vitrine/ui';
import { adminCaller } from '../../../../../src/admin/active-tenant.ts';
import { majorText } from '../../../../../src/commerce-settings/form-values.ts';
import { ShippingSettingsForm } from '../../../../../src/commerce-settings/shipping-form.tsx';
import { commerceSettingsMessages } from '../../../../../src/i18n/messages/commerce-settings.ts';
import { requestLocale } from '../../../../../src/i18n/request-locale.ts';
import { load } from '../../../../../src/mercadolivre/load.ts';
import { refusalSentence } from '../../../../../src/orders/load-refusal.ts';
import { currentUser } from '../../../../../src/server/auth.ts';

export const metadata = { title: 'Shipping · Vitrine' };

export default async function ShippingSettingsPage() {
  if (!(await currentUser())) redirect('/login?next=/admin/settings/shipping');
  const locale = await requestLocale();
  const t = commerceSettingsMessages[locale];
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  const rates = await load(() => caller.setup.shipping.get());
  if (rates.error !== null) {
    return (
      <main className="v-page">
        <PageHeader title={t.shippingTitle} />
        <EmptyState title={t.shippingTitle}>
          <span data-testid="page-refused">{refusalSentence(rates, t.refused)}</span>
        </EmptyState>
      </main>
    );
  }
  const { basis, currency, bands, pickup } = rates.data;
  const bound = (value: number) => (basis === 'WEIGHT' ? String(value) : majorText(value, currency));
  return (
    <main className="v-page">
      <PageHeader title={t.shippingTitle} description={t.shippingDescription} />
      <Card>
        <ShippingSettingsForm
          locale={locale}
          currency={currency}
          defaults={{
            basis,
            bands: bands.map((b) => ({ name: b.name, from: bound(b.minValue), to: b.maxValue === null ? '' : bound(b.maxValue), price: majorText(b.priceAmount, currency) })),
            pickup: pickup ? { name: pickup.name, price: majorText(pickup.priceAmount, currency) } : null,
          }}
        />
      </Card>
    </main>
  );
}
