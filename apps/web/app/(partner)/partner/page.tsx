import Link from 'next/link';
import { Badge, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { FilterForm, PagingLinks, SearchField, SelectField } from '../../../src/forms/filter-fields.tsx';
import { partnerMessages } from '../../../src/i18n/messages/partners.ts';
import { messagesFor, requestLocale } from '../../../src/i18n/request-locale.ts';
import { formatDateTime } from '../../../src/mercadolivre/format.ts';
import { isStatus, STATUS_TONE, STATUSES } from './labels.ts';
import { requirePartner } from './load.ts';

export const metadata = { title: 'Clients' };

type Search = { q?: string; status?: string; plan?: string; cursor?: string };

/** The partner's client stores: search, status and plan filters, usage per store. */
export default async function PartnerClientsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { partner, caller } = await requirePartner('/partner');
  const [t, locale] = await Promise.all([messagesFor(partnerMessages), requestLocale()]);
  const { q, status, plan, cursor } = await searchParams;
  const search = q?.trim() || undefined;
  const planCode = plan?.trim() || undefined;
  const page = await caller.partner.clients.list({ search, status: isStatus(status) ? status : undefined, planCode, cursor, limit: 50 });
  const filters = { q: search, status: isStatus(status) ? status : undefined, plan: planCode };
  return (
    <main className="v-page">
      <PageHeader
        title={t.clients}
        description={t.listDescription(partner.name)}
        actions={partner.role === 'PARTNER_ADMIN' ? <Link className="v-button" href="/partner/clients/new">{t.newClient}</Link> : null}
      />
      <FilterForm action="/partner" submitLabel={t.filter}>
        <SearchField value={search} placeholder={t.searchPlaceholder} label={t.search} />
        <SelectField name="status" label={t.status} value={filters.status} allLabel={t.all} options={STATUSES.map((s) => ({ value: s, label: t[s] }))} />
        <SelectField name="plan" label={t.plan} value={planCode} allLabel={t.all} options={partner.plans.map((p) => ({ value: p.code, label: p.name }))} />
      </FilterForm>
      {page.items.length === 0 ? (
        <EmptyState title={t.noClients}>{t.noClientsHelp}</EmptyState>
      ) : (
        <Table data-testid="partner-clients">
          <thead>
            <tr>
              <th>{t.store}</th>
              <th>{t.address}</th>
              <th>{t.plan}</th>
              <th>{t.status}</th>
              <th>{t.products}</th>
              <th>{t.ordersThisMonth}</th>
              <th>{t.teamSeats}</th>
              <th>{t.created}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/partner/clients/${c.id}`}>{c.name}</Link>
                </td>
                <td>{c.primaryHostname ?? c.slug}</td>
                <td>{c.planName}</td>
                <td>
                  <Badge tone={STATUS_TONE[c.status]}>{t[c.status]}</Badge>
                </td>
                <td>{c.usage.products}</td>
                <td>{c.usage.ordersThisMonth}</td>
                <td>{c.usage.teamSeats}</td>
                <td>{formatDateTime(c.createdAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <PagingLinks path="/partner" filters={filters} cursor={cursor} nextCursor={page.nextCursor} labels={{ first: t.firstPage, next: t.nextPage }} />
    </main>
  );
}
