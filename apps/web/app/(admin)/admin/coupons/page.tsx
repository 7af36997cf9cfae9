import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Badge, Card, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { adminCaller } from '../../../../src/admin/active-tenant.ts';
import { CouponForm, CouponSwitch } from '../../../../src/commerce-settings/coupon-form.tsx';
import { basisPointsText, instantToDay } from '../../../../src/commerce-settings/form-values.ts';
import { couponsMessages } from '../../../../src/i18n/messages/coupons.ts';
import { requestLocale } from '../../../../src/i18n/request-locale.ts';
import { formatMinor } from '../../../../src/mercadolivre/format.ts';
import { load } from '../../../../src/mercadolivre/load.ts';
import { refusalSentence } from '../../../../src/orders/load-refusal.ts';
import { currentUser } from '../../../../src/server/auth.ts';

export const metadata = { title: 'Coupons · Vitrine' };

export default async function CouponsPage() {
  if (!(await currentUser())) redirect('/login?next=/admin/coupons');
  const locale = await requestLocale();
  const t = couponsMessages[locale];
  const { active, caller } = await adminCaller();
  if (!active || !caller) redirect('/admin');
  const coupons = await load(() => caller.coupons.list());
  if (coupons.error !== null) {
    return (
      <main className="v-page">
        <PageHeader title={t.title} />
        <EmptyState title={t.title}>
          <span data-testid="page-refused">{refusalSentence(coupons, t.refused)}</span>
        </EmptyState>
      </main>
    );
  }
  const money = (minor: number) => formatMinor(minor, active.currency, locale);
  return (
    <main className="v-page">
      <PageHeader title={t.title} description={t.description} />
      <h2>{t.list}</h2>
      {coupons.data.length === 0 ? (
        <EmptyState title={t.none}>{t.noneHelp}</EmptyState>
      ) : (
        <Table data-testid="coupons-table">
          <thead>
            <tr>
              <th>{t.code}</th>
              <th>{t.value}</th>
              <th>{t.minimumOrder}</th>
              <th>{t.window}</th>
              <th>{t.uses}</th>
              <th>{t.status}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {coupons.data.map((c) => (
              <tr key={c.id}>
                <td>
                  <strong>{c.code}</strong>
                </td>
                <td>{c.kind === 'PERCENT' ? `${basisPointsText(c.value)}%` : money(c.value)}</td>
                <td>{c.minimumOrderAmount ? money(c.minimumOrderAmount) : '—'}</td>
                <td>{c.startsAt || c.expiresAt ? `${instantToDay(c.startsAt) || '…'} → ${instantToDay(c.expiresAt, true) || '…'}` : t.always}</td>
                <td>
                  {c.usedCount}
                  {c.maxUses !== null ? ` / ${c.maxUses}` : null}
                  {c.maxUsesPerBuyer !== null ? <small>{` (${c.maxUsesPerBuyer} ${t.maxUsesPerBuyer.toLowerCase()})`}</small> : null}
                </td>
                <td>
                  <Badge tone={c.active ? 'success' : 'neutral'}>{c.active ? t.active : t.inactive}</Badge>
                </td>
                <td className="v-row">
                  <Link href={`/admin/coupons/${c.id}`} aria-label={`${t.edit} ${c.code}`}>
                    {t.edit}
                  </Link>
                  <CouponSwitch locale={locale} id={c.id} code={c.code} active={c.active} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Card>
        <h2 style={{ marginTop: 0 }}>{t.create}</h2>
        <CouponForm locale={locale} currency={active.currency} />
      </Card>
    </main>
  );
}
