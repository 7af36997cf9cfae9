import { TRPCError } from '@trpc/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { Badge, Card, PageHeader, Table } from '@vitrine/ui';
import { platformTenantMessages } from '../../../../../src/i18n/messages/platform-tenants.ts';
import { messagesFor, requestLocale } from '../../../../../src/i18n/request-locale.ts';
import { formatDateTime } from '../../../../../src/mercadolivre/format.ts';
import { requirePlatformStaff } from '../../../../../src/platform/staff.ts';
import { serverCaller } from '../../../../../src/server/caller.ts';
import { STATUS_TONE } from '../labels.ts';
import { TenantStatusForm } from '../status-form.tsx';
import { ChangePlanForm, ExtendTrialForm, ImpersonateForm } from '../tenant-forms.tsx';

export const metadata = { title: 'Store · Vitrine platform' };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <Card>{children}</Card>
    </section>
  );
}

const details = (data: unknown) => {
  const text = JSON.stringify(data ?? {});
  return text === '{}' ? '' : text.length > 160 ? `${text.slice(0, 157)}…` : text;
};

export default async function PlatformTenantPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePlatformStaff(`/platform/tenants/${id}`);
  const caller = await serverCaller();
  const tenant = await caller.platform.tenants.get({ tenantId: id }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  });
  const [filters, t, locale] = await Promise.all([caller.platform.tenants.filters(), messagesFor(platformTenantMessages), requestLocale()]);
  const when = (value: Date | null | undefined) => formatDateTime(value, locale);
  const live = tenant.status !== 'CANCELLED';
  return (
    <main className="v-page">
      <p>
        <Link href="/platform/tenants">← {t.backToStores}</Link>
      </p>
      <PageHeader title={tenant.name} description={tenant.domains.find((d) => d.isPrimary)?.hostname ?? tenant.slug} />

      <Section id="overview" title={t.overview}>
        <dl className="v-row" style={{ gap: 24 }} data-testid="tenant-overview">
          <div>
            <dt>{t.status}</dt>
            <dd>
              <Badge tone={STATUS_TONE[tenant.status]}>{t[tenant.status]}</Badge> {tenant.suspendedReason ?? ''}
            </dd>
          </div>
          <div>
            <dt>{t.plan}</dt>
            <dd>{tenant.plan.name}</dd>
          </div>
          <div>
            <dt>{t.trialEnds}</dt>
            <dd data-testid="trial-ends">{tenant.trialEndsAt ? when(tenant.trialEndsAt) : t.noTrial}</dd>
          </div>
          <div>
            <dt>{t.billing}</dt>
            <dd>{tenant.billingStatus.toLowerCase()}</dd>
          </div>
          <div>
            <dt>{t.subscription}</dt>
            <dd>
              {tenant.subscription
                ? `${tenant.subscription.status ?? '—'}${tenant.subscription.currentPeriodEnd ? ` · ${t.periodEnds}: ${when(tenant.subscription.currentPeriodEnd)}` : ''}`
                : t.noSubscription}
            </dd>
          </div>
          <div>
            <dt>{t.partner}</dt>
            <dd>{tenant.partner?.name ?? t.partnerNone}</dd>
          </div>
          <div>
            <dt>{t.created}</dt>
            <dd>{when(tenant.createdAt)}</dd>
          </div>
        </dl>
      </Section>

      <Section id="usage" title={t.usage}>
        <Table>
          <thead>
            <tr>
              <th>{t.what}</th>
              <th>{t.used}</th>
              <th>{t.limit}</th>
            </tr>
          </thead>
          <tbody>
            {tenant.usage.map((u) => (
              <tr key={u.key}>
                <td>{t[u.key]}</td>
                <td>{u.used}</td>
                <td>{u.limit ?? t.unlimited}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Section>

      <Section id="domains" title={t.domains}>
        <ul>
          {tenant.domains.map((d) => (
            <li key={d.id}>
              {d.hostname} ({d.kind.toLowerCase()}, {d.verification.toLowerCase()}){d.isPrimary ? ` · ${t.primary}` : ''}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="members" title={t.members}>
        <Table>
          <thead>
            <tr>
              <th>{t.email}</th>
              <th>{t.role}</th>
              <th>{t.created}</th>
            </tr>
          </thead>
          <tbody>
            {tenant.members.map((m) => (
              <tr key={m.id}>
                <td>{m.email}</td>
                <td>
                  {m.role.toLowerCase()}
                  {m.permissions.length ? ` (${m.permissions.join(', ')})` : ''}
                </td>
                <td>{when(m.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Section>

      {live ? (
        <>
          <Section id="change-plan" title={t.changePlan}>
            <ChangePlanForm locale={locale} tenantId={tenant.id} planCode={tenant.plan.code} plans={filters.plans} />
          </Section>
          <Section id="extend-trial" title={t.extendTrial}>
            <ExtendTrialForm locale={locale} tenantId={tenant.id} />
          </Section>
          <Section id="status" title={t.suspendTitle}>
            <TenantStatusForm tenantId={tenant.id} suspended={tenant.status === 'SUSPENDED'} name={tenant.name} />
          </Section>
          {tenant.status !== 'SUSPENDED' ? (
            <Section id="impersonate" title={t.enterAdmin}>
              <ImpersonateForm locale={locale} tenantId={tenant.id} />
            </Section>
          ) : null}
        </>
      ) : null}

      <Section id="platform-entries" title={t.platformEntries}>
        {tenant.platformEntries.length === 0 ? (
          <p>{t.nothingYet}</p>
        ) : (
          <Table data-testid="platform-entries">
            <thead>
              <tr>
                <th>{t.when}</th>
                <th>{t.what}</th>
                <th>{t.who}</th>
                <th>{t.details}</th>
              </tr>
            </thead>
            <tbody>
              {tenant.platformEntries.map((e) => (
                <tr key={e.id}>
                  <td>{when(e.createdAt)}</td>
                  <td>{e.action}</td>
                  <td>{e.actorEmail ?? '—'}</td>
                  <td>{details(e.data)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Section>

      <Section id="impersonations" title={t.impersonations}>
        {tenant.impersonations.length === 0 ? (
          <p>{t.nothingYet}</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <th>{t.when}</th>
                <th>{t.who}</th>
                <th>{t.mode}</th>
                <th>{t.reason}</th>
                <th>{t.endsAt}</th>
                <th>{t.ended}</th>
              </tr>
            </thead>
            <tbody>
              {tenant.impersonations.map((g) => (
                <tr key={g.id}>
                  <td>{when(g.startedAt)}</td>
                  <td>{g.staffEmail ?? '—'}</td>
                  <td>{t[g.mode]}</td>
                  <td>{g.reason}</td>
                  <td>{when(g.expiresAt)}</td>
                  <td>{g.endedAt ? when(g.endedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Section>

      <Section id="audit-entries" title={t.auditEntries}>
        {tenant.auditEntries.length === 0 ? (
          <p>{t.nothingYet}</p>
        ) : (
          <Table data-testid="store-audit-entries">
            <thead>
              <tr>
                <th>{t.when}</th>
                <th>{t.what}</th>
                <th>{t.who}</th>
                <th>{t.details}</th>
              </tr>
            </thead>
            <tbody>
              {tenant.auditEntries.map((e) => (
                <tr key={e.id}>
                  <td>{when(e.createdAt)}</td>
                  <td>{e.action}</td>
                  <td>{e.platformActorEmail ? t.asStaff(e.platformActorEmail) : (e.actorEmail ?? '—')}</td>
                  <td>{details(e.data)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Section>
    </main>
  );
}
