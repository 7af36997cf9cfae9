import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Badge, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { formatDateTime } from '../../../../src/mercadolivre/format.ts';
import { load } from '../../../../src/mercadolivre/load.ts';
import { currentUser } from '../../../../src/server/auth.ts';
import { serverCaller } from '../../../../src/server/caller.ts';
import { STATUS_LABEL, STATUS_TONE } from './labels.ts';

export const metadata = { title: 'Support queue · Vitrine platform' };

const STATUS_FILTERS = ['ACTIVE', 'OPEN', 'WAITING_ON_STAFF', 'WAITING_ON_TENANT', 'CLOSED', 'ALL'] as const;
const ASSIGNED_FILTERS = ['any', 'me', 'nobody'] as const;
const FILTER_LABEL: Record<string, string> = { ACTIVE: 'Not closed', ALL: 'All', any: 'Anyone', me: 'Me', nobody: 'Nobody', ...STATUS_LABEL };

type Search = { status?: string; assigned?: string; tenant?: string; cursor?: string };
const pick = <T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T =>
  (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;

export default async function PlatformSupportPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await currentUser();
  if (!user) redirect('/login?next=/platform/support');
  if (user.platformRole !== 'SUPER_ADMIN') notFound();
  const params = await searchParams;
  const status = pick(params.status, STATUS_FILTERS, 'ACTIVE');
  const assigned = pick(params.assigned, ASSIGNED_FILTERS, 'any');
  const tenantId = params.tenant?.trim() || undefined;
  const page = await load(async () => (await serverCaller()).platformSupport.queue({ status, assigned, tenantId, cursor: params.cursor, limit: 50 }));
  const link = (extra: Record<string, string | undefined>) =>
    `/platform/support?${new URLSearchParams(Object.entries({ status, assigned, tenant: tenantId, ...extra }).filter((e): e is [string, string] => Boolean(e[1])))}`;
  return (
    <main className="v-page">
      <PageHeader title="Support queue" description="Every store's tickets, most recent activity first." />
      <form className="v-row" method="get">
        <div className="v-field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={status}>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {FILTER_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="v-field">
          <label htmlFor="assigned">Assigned to</label>
          <select id="assigned" name="assigned" defaultValue={assigned}>
            {ASSIGNED_FILTERS.map((a) => (
              <option key={a} value={a}>
                {FILTER_LABEL[a]}
              </option>
            ))}
          </select>
        </div>
        {tenantId ? <input type="hidden" name="tenant" value={tenantId} /> : null}
        <button type="submit" className="v-button">
          Filter
        </button>
        {tenantId ? <Link href={link({ tenant: undefined })}>All stores</Link> : null}
      </form>
      {page.error !== null ? (
        <p className="v-alert" role="alert">
          {page.error}
        </p>
      ) : page.data.items.length === 0 ? (
        <EmptyState title="No tickets match these filters" />
      ) : (
        <Table data-testid="support-queue">
          <thead>
            <tr>
              <th>Store</th>
              <th>Ticket</th>
              <th>Status</th>
              <th>Priority</th>
              <th>Assigned</th>
              <th>Last activity</th>
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((item) => (
              <tr key={item.ticketId}>
                <td>
                  <Link href={link({ tenant: item.tenantId, cursor: undefined })} title="Only this store's tickets">
                    {item.store?.name ?? item.tenantId}
                  </Link>
                </td>
                <td>
                  <Link href={`/platform/support/${item.ticketId}`}>
                    #{item.number} {item.subject}
                  </Link>
                </td>
                <td>
                  <Badge tone={STATUS_TONE[item.status]}>{STATUS_LABEL[item.status]}</Badge>
                  {item.lastAuthorKind === 'TENANT' && item.status !== 'CLOSED' ? <div style={{ fontSize: '0.85rem' }}>store wrote last</div> : null}
                </td>
                <td>{item.priority.toLowerCase()}</td>
                <td>{item.assignedToMe ? 'Me' : (item.assignedTo ?? '—')}</td>
                <td>{formatDateTime(item.lastMessageAt)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {page.error === null && page.data.nextCursor ? <Link href={link({ cursor: page.data.nextCursor })}>Next page</Link> : null}
    </main>
  );
}
