import { TRPCError } from '@trpc/server';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Card, PageHeader, Table } from '@vitrine/ui';
import { partnerMessages } from '../../../../../src/i18n/messages/partners.ts';
import { messagesFor, requestLocale } from '../../../../../src/i18n/request-locale.ts';
import { formatDateTime } from '../../../../../src/mercadolivre/format.ts';
import { currentUser } from '../../../../../src/server/auth.ts';
import { serverCaller } from '../../../../../src/server/caller.ts';
import { AddMemberForm, PartnerForm, RemoveMemberButton } from '../forms.tsx';

export const metadata = { title: 'Partner · Vitrine platform' };

const colorOf = (branding: unknown, key: 'primaryColor' | 'accentColor', fallback: string) => {
  const value = (branding as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' ? value : fallback;
};

export default async function PlatformPartnerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) redirect(`/login?next=/platform/partners/${id}`);
  if (user.platformRole !== 'SUPER_ADMIN') notFound();
  const partner = await (await serverCaller()).platformPartners.get({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  });
  const [t, locale] = await Promise.all([messagesFor(partnerMessages), requestLocale()]);
  return (
    <main className="v-page">
      <p>
        <Link href="/platform/partners">← {t.partners}</Link>
      </p>
      <PageHeader title={partner.name} description={`${partner.productName} · ${t.stores}: ${partner.tenantCount}`} />
      <Card>
        <PartnerForm
          locale={locale}
          plans={partner.plans}
          partner={{
            id: partner.id,
            name: partner.name,
            slug: partner.slug,
            productName: partner.productName,
            logoUrl: partner.logoUrl ?? '',
            primaryColor: partner.primaryColor,
            accentColor: partner.accentColor,
            supportEmail: partner.supportEmail,
            adminDomain: partner.adminDomain ?? '',
            allowedPlanCodes: partner.allowedPlanCodes,
            defaultPrimaryColor: colorOf(partner.defaultTenantBranding, 'primaryColor', partner.primaryColor),
            defaultAccentColor: colorOf(partner.defaultTenantBranding, 'accentColor', partner.accentColor),
          }}
        />
      </Card>
      <h2>{t.members}</h2>
      {partner.members.length === 0 ? (
        <p>{t.noMembers}</p>
      ) : (
        <Table data-testid="partner-members">
          <thead>
            <tr>
              <th>Email</th>
              <th>{t.memberRole}</th>
              <th>{t.created}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {partner.members.map((m) => (
              <tr key={m.id}>
                <td>{m.user.email}</td>
                <td>{t[m.role]}</td>
                <td>{formatDateTime(m.createdAt, locale)}</td>
                <td>
                  <RemoveMemberButton locale={locale} partnerId={partner.id} memberId={m.id} email={m.user.email} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Card>
        <AddMemberForm locale={locale} partnerId={partner.id} />
      </Card>
    </main>
  );
}
