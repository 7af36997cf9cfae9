import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Card, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { partnerMessages } from '../../../../src/i18n/messages/partners.ts';
import { messagesFor, requestLocale } from '../../../../src/i18n/request-locale.ts';
import { currentUser } from '../../../../src/server/auth.ts';
import { serverCaller } from '../../../../src/server/caller.ts';
import { PartnerForm } from './forms.tsx';

export const metadata = { title: 'Partners · Vitrine platform' };

export default async function PlatformPartnersPage() {
  const user = await currentUser();
  if (!user) redirect('/login?next=/platform/partners');
  if (user.platformRole !== 'SUPER_ADMIN') notFound();
  const caller = await serverCaller();
  const [partners, plans, t, locale] = await Promise.all([caller.platformPartners.list(), caller.platformPartners.plans(), messagesFor(partnerMessages), requestLocale()]);
  return (
    <main className="v-page">
      <PageHeader title={t.partners} description={t.partnersDescription} />
      {partners.length === 0 ? (
        <EmptyState title={t.noPartners} />
      ) : (
        <Table data-testid="partners-list">
          <thead>
            <tr>
              <th>{t.partner}</th>
              <th>{t.branding}</th>
              <th>{t.adminDomain}</th>
              <th>{t.allowedPlans}</th>
              <th>{t.stores}</th>
              <th>{t.members}</th>
            </tr>
          </thead>
          <tbody>
            {partners.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/platform/partners/${p.id}`}>{p.name}</Link>
                </td>
                <td>
                  <span aria-hidden="true" style={{ display: 'inline-block', width: 12, height: 12, background: p.primaryColor, borderRadius: 2, marginRight: 6 }} />
                  {p.productName}
                </td>
                <td>{p.adminDomain ?? t.none}</td>
                <td>{p.allowedPlanCodes.join(', ') || t.none}</td>
                <td>{p.tenantCount}</td>
                <td>{p.memberCount}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <h2>{t.newPartner}</h2>
      <Card>
        <PartnerForm locale={locale} plans={plans} />
      </Card>
    </main>
  );
}
