import { redirect } from 'next/navigation';
import { EmptyState, PageHeader, Table } from '@vitrine/ui';
import { adminCaller } from '../../../../src/admin/active-tenant.ts';
import { DateField, FilterForm, PagingLinks, SelectField } from '../../../../src/forms/filter-fields.tsx';
import { auditMessages } from '../../../../src/i18n/messages/audit.ts';
import { messagesFor } from '../../../../src/i18n/request-locale.ts';
import { formatDateTime } from '../../../../src/mercadolivre/format.ts';
import { load } from '../../../../src/mercadolivre/load.ts';
import { currentUser } from '../../../../src/server/auth.ts';

export const metadata = { title: 'Audit log · Vitrine' };

type Params = { action?: string; actor?: string; targetType?: string; from?: string; to?: string; cursor?: string };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  if (!(await currentUser())) redirect('/login?next=/admin/audit');
  const t = await messagesFor(auditMessages);
  const params = await searchParams;
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');

  const options = await load(() => caller.audit.filters());
  if (options.error !== null) {
    return (
      <main className="v-page">
        <PageHeader title={t.title} />
        <EmptyState title={t.title}>
          <span data-testid="page-refused">{options.code === 'FORBIDDEN' ? t.refused : options.error}</span>
        </EmptyState>
      </main>
    );
  }
  const pick = (value: string | undefined, allowed: string[]) => (value && allowed.includes(value) ? value : undefined);
  const filters = {
    action: pick(params.action, options.data.actions),
    actor: pick(params.actor, options.data.actors.map((a) => a.userId)),
    targetType: pick(params.targetType, options.data.targetTypes),
    from: params.from && DAY.test(params.from) ? params.from : undefined,
    to: params.to && DAY.test(params.to) ? params.to : undefined,
  };
  const page = await load(() =>
    caller.audit.list({
      action: filters.action,
      actorUserId: filters.actor,
      targetType: filters.targetType,
      from: filters.from,
      to: filters.to,
      cursor: params.cursor,
      limit: 50,
    }),
  );
  const filtered = Object.values(filters).some(Boolean);

  return (
    <main className="v-page">
      <PageHeader title={t.title} description={t.description} />
      <FilterForm action="/admin/audit">
        <SelectField name="action" label={t.action} value={filters.action} options={options.data.actions.map((a) => ({ value: a, label: a }))} />
        <SelectField name="actor" label={t.actor} value={filters.actor} options={options.data.actors.map((a) => ({ value: a.userId, label: a.email }))} />
        <SelectField name="targetType" label={t.targetType} value={filters.targetType} options={options.data.targetTypes.map((v) => ({ value: v, label: v }))} />
        <DateField name="from" label={t.from} value={filters.from} />
        <DateField name="to" label={t.to} value={filters.to} />
      </FilterForm>
      {page.error !== null ? (
        <p className="v-alert" role="alert">
          {page.error}
        </p>
      ) : page.data.items.length === 0 ? (
        <EmptyState title={t.empty}>{filtered ? t.emptyFiltered : null}</EmptyState>
      ) : (
        <Table data-testid="audit-log">
          <thead>
            <tr>
              <th>{t.when}</th>
              <th>{t.who}</th>
              <th>{t.action}</th>
              <th>{t.target}</th>
              <th>{t.request}</th>
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.createdAt)}</td>
                <td>{e.actor.kind === 'system' ? t.system : `${e.actor.email ?? e.actor.userId}${e.actor.kind === 'platform' ? ` (${t.platformStaff})` : ''}`}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>{e.targetType ? `${e.targetType}${e.targetId ? ` · ${e.targetId}` : ''}` : '—'}</td>
                <td>
                  <code>{e.requestId ?? '—'}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {page.error === null ? <PagingLinks path="/admin/audit" filters={filters} cursor={params.cursor} nextCursor={page.data.nextCursor} /> : null}
    </main>
  );
}
