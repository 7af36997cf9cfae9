import { TRPCError } from '@trpc/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Badge, Card, PageHeader } from '@vitrine/ui';
import { partnerMessages } from '../../../../../src/i18n/messages/partners.ts';
import { messagesFor, requestLocale } from '../../../../../src/i18n/request-locale.ts';
import { formatDateTime } from '../../../../../src/mercadolivre/format.ts';
import { ChangePlanForm, ReactivateForm, SuspendForm } from '../../forms.tsx';
import { STATUS_TONE } from '../../labels.ts';
import { requirePartner } from '../../load.ts';

export const metadata = { title: 'Client store' };

/** One client store: usage, plan (within the allowed list) and suspension. */
export default async function PartnerClientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { partner, caller } = await requirePartner(`/partner/clients/${id}`);
  const [t, locale] = await Promise.all([messagesFor(partnerMessages), requestLocale()]);
  const client = await caller.partner.clients.get({ tenantId: id }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  });
  const admin = partner.role === 'PARTNER_ADMIN';
  // The current plan stays choosable even if it is no longer offered, so the form shows what the store is on.
  const plans = partner.plans.some((p) => p.code === client.planCode) ? partner.plans : [{ code: client.planCode, name: client.planName }, ...partner.plans];
  return (
    <main className="v-page">
      <p>
        <Link href="/partner">← {t.backToClients}</Link>
      </p>
      <PageHeader title={client.name} description={client.primaryHostname ?? client.slug} actions={<Badge tone={STATUS_TONE[client.status]}>{t[client.status]}</Badge>} />
      {client.suspendedReason ? <p className="v-alert">{t.suspendedBecause(client.suspendedReason)}</p> : null}
      <Card>
        <h2 style={{ marginTop: 0 }}>{t.usage}</h2>
        <dl className="v-row" style={{ gap: 32 }}>
          <div>
            <dt>{t.plan}</dt>
            <dd data-testid="client-plan">{client.planName}</dd>
          </div>
          <div>
            <dt>{t.products}</dt>
            <dd>{client.usage.products}</dd>
          </div>
          <div>
            <dt>{t.ordersThisMonth}</dt>
            <dd>{client.usage.ordersThisMonth}</dd>
          </div>
          <div>
            <dt>{t.teamSeats}</dt>
            <dd>{client.usage.teamSeats}</dd>
          </div>
          <div>
            <dt>{t.created}</dt>
            <dd>{formatDateTime(client.createdAt, locale)}</dd>
          </div>
        </dl>
      </Card>
      {admin ? (
        <>
          <h2>{t.changePlan}</h2>
          <Card>
            <p>{t.changePlanHelp}</p>
            <ChangePlanForm locale={locale} tenantId={client.id} plans={plans} current={client.planCode} />
          </Card>
          {client.status === 'SUSPENDED' ? (
            <p>
              <ReactivateForm locale={locale} tenantId={client.id} />
            </p>
          ) : client.status !== 'CANCELLED' ? (
            <>
              <h2>{t.suspend}</h2>
              <Card>
                <SuspendForm locale={locale} tenantId={client.id} />
              </Card>
            </>
          ) : null}
        </>
      ) : (
        <p role="status">{t.readOnly}</p>
      )}
    </main>
  );
}
