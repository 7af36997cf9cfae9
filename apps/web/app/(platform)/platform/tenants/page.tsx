import Link from 'next/link';
import { Badge, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { FilterForm, PagingLinks, SearchField, SelectField } from '../../../../src/forms/filter-fields.tsx';
import { platformTenantMessages } from '../../../../src/i18n/messages/platform-tenants.ts';
import { messagesFor } from '../../../../src/i18n/request-locale.ts';
import { requirePlatformStaff } from '../../../../src/platform/staff.ts';
import { serverCaller } from '../../../../src/server/caller.ts';
import { TenantStatusForm } from './status-form.tsx';
import { STATUS_TONE, TENANT_STATUSES } from './labels.ts';

export const metadata = { title: 'Stores · Vitrine platform' };

type Search = { q?: string; status?: string; plan?: string; partner?: string; cursor?: string };

export default async function PlatformTenantsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePlatformStaff('/platform/tenants');
  const params = await searchParams;
  const search = params.q?.trim() || undefined;
  const status = TENANT_STATUSES.find((s) => s === params.status);
  const plan = params.plan?.trim() || undefined;
  const partnerId = params.partner?.trim() || undefined;
  const caller = await serverCaller();
  const [page, filters, t] = await Promise.all([
    caller.platform.tenants.list({ search, status, plan, partnerId, cursor: params.cursor, limit: 50 }),
    caller.platform.tenants.filters(),
    messagesFor(platformTenantMessages),
  ]);
  return (
    <main className="v-page">
      <PageHeader title={t.stores} description={t.storesDescription} />
      <FilterForm action="/platform/tenants" submitLabel={t.filter}>
        <SearchField value={search} placeholder={t.searchPlaceholder} label={t.search} />
        <SelectField name="status" label={t.status} value={status} allLabel={t.all} options={TENANT_STATUSES.map((s) => ({ value: s, label: t[s] }))} />
        <SelectField name="plan" label={t.plan} value={plan} allLabel={t.all} options={filters.plans.map((p) => ({ value: p.code, label: p.name }))} />
        <SelectField
          name="partner"
          label={t.partner}
          value={partnerId}
          allLabel={t.all}
          options={[{ value: 'none', label: t.direct }, ...filters.partners.map((p) => ({ value: p.id, label: p.name }))]}
        />
      </FilterForm>
      {page.items.length === 0 ? (
        <EmptyState title={t.noStores} />
      ) : (
        <Table>
          <thead>
            <tr>
              <th>{t.store}</th>
              <th>{t.address}</th>
              <th>{t.plan}</th>
              <th>{t.partner}</th>
              <th>{t.status}</th>
              <th>{t.action}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((tenant) => (
              <tr key={tenant.id}>
                <td>
                  <Link href={`/platform/tenants/${tenant.id}`}>{tenant.name}</Link>
                </td>
                <td>{tenant.primaryHostname ?? tenant.slug}</td>
                <td>{tenant.planCode}</td>
                <td>{tenant.partner?.name ?? '—'}</td>
                <td>
                  <Badge tone={STATUS_TONE[tenant.status]}>{t[tenant.status]}</Badge>
                  {tenant.suspendedReason ? <div style={{ fontSize: '0.85rem' }}>{tenant.suspendedReason}</div> : null}
                </td>
                <td>{tenant.status === 'CANCELLED' ? null : <TenantStatusForm tenantId={tenant.id} suspended={tenant.status === 'SUSPENDED'} name={tenant.name} />}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <PagingLinks
        path="/platform/tenants"
        filters={{ q: search, status, plan, partner: partnerId }}
        cursor={params.cursor}
        nextCursor={page.nextCursor}
        labels={{ first: t.firstPage, next: t.nextPage }}
      />
    </main>
  );
}
