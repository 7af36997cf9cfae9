import Link from 'next/link';
import { adminCaller } from '../admin/active-tenant.ts';
import { billingMessages } from '../i18n/messages/billing.ts';
import { messagesFor, requestLocale } from '../i18n/request-locale.ts';

const day = (date: Date, locale: string) => date.toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/**
 * The admin's billing banner, on every admin page: a failed renewal (PAST_DUE, with the date the grace period
 * ends) or a read-only admin (RESTRICTED), saying why and how to pay; nothing when billing is in order.
 */
export async function BillingBanner() {
  const { caller } = await adminCaller().catch(() => ({ caller: null }));
  if (!caller) return null;
  const standing = await caller.billing.standing().catch(() => null);
  if (!standing || (standing.billingStatus !== 'PAST_DUE' && standing.billingStatus !== 'RESTRICTED')) return null;
  const [t, locale] = [await messagesFor(billingMessages), await requestLocale()];
  const restricted = standing.billingStatus === 'RESTRICTED';
  return (
    <div
      role={restricted ? 'alert' : 'status'}
      data-testid={restricted ? 'billing-restricted-banner' : 'billing-past-due-banner'}
      style={{ background: restricted ? '#fde2e1' : '#fff4d6', borderBottom: '1px solid #e5c07b', padding: '12px 24px' }}
    >
      <p style={{ margin: 0 }}>{restricted ? t.bannerRestricted : t.bannerPastDue(standing.graceEndsAt ? day(standing.graceEndsAt, locale) : '—')}</p>
      <p style={{ margin: '4px 0 0' }}>{standing.canManageBilling ? <Link href="/admin/billing">{t.bannerPay}</Link> : t.bannerAskOwner}</p>
    </div>
  );
}
