import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Badge, Card, EmptyState, PageHeader } from '@vitrine/ui';
import { adminCaller } from '../../../../../src/admin/active-tenant.ts';
import { CouponForm, CouponSwitch } from '../../../../../src/commerce-settings/coupon-form.tsx';
import { couponFormValues } from '../../../../../src/commerce-settings/form-values.ts';
import { couponsMessages } from '../../../../../src/i18n/messages/coupons.ts';
import { requestLocale } from '../../../../../src/i18n/request-locale.ts';
import { load } from '../../../../../src/mercadolivre/load.ts';
import { refusalSentence } from '../../../../../src/orders/load-refusal.ts';
import { currentUser } from '../../../../../src/server/auth.ts';

export const metadata = { title: 'Coupon · Vitrine' };

export default async function CouponPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!(await currentUser())) redirect(`/login?next=/admin/coupons/${encodeURIComponent(id)}`);
  const locale = await requestLocale();
  const t = couponsMessages[locale];
  const { active, caller } = await adminCaller();
  if (!active || !caller) redirect('/admin');
  const coupons = await load(() => caller.coupons.list());
  const coupon = coupons.error === null ? coupons.data.find((c) => c.id === id) : undefined;
  if (!coupon) {
    return (
      <main className="v-page">
        <PageHeader title={t.editTitle} actions={<Link href="/admin/coupons">{t.back}</Link>} />
        <EmptyState title={t.editTitle}>
          <span data-testid="page-refused">{coupons.error !== null ? refusalSentence(coupons, t.refused) : t.notFound}</span>
        </EmptyState>
      </main>
    );
  }
  return (
    <main className="v-page">
      <PageHeader
        title={`${t.editTitle} ${coupon.code}`}
        description={<Badge tone={coupon.active ? 'success' : 'neutral'}>{coupon.active ? t.active : t.inactive}</Badge>}
        actions={<Link href="/admin/coupons">{t.back}</Link>}
      />
      <Card>
        <CouponForm locale={locale} currency={active.currency} coupon={{ id: coupon.id, values: couponFormValues(coupon, active.currency) }} />
      </Card>
      <p />
      <CouponSwitch locale={locale} id={coupon.id} code={coupon.code} active={coupon.active} />
    </main>
  );
}
