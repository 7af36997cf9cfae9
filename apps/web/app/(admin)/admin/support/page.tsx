import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Badge, Card, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { adminCaller } from '../../../../src/admin/active-tenant.ts';
import { supportMessages } from '../../../../src/i18n/messages/support.ts';
import { requestLocale } from '../../../../src/i18n/request-locale.ts';
import { formatDateTime } from '../../../../src/mercadolivre/format.ts';
import { load } from '../../../../src/mercadolivre/load.ts';
import { currentUser } from '../../../../src/server/auth.ts';
import { NewTicketForm } from './forms.tsx';
import { STATUS_TONE } from './status.ts';

export const metadata = { title: 'Support · Vitrine' };

export default async function SupportPage() {
  if (!(await currentUser())) redirect('/login?next=/admin/support');
  const locale = await requestLocale();
  const t = supportMessages[locale];
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  const list = await load(() => caller.support.list({ status: 'ALL' }));
  if (list.error !== null) {
    return (
      <main className="v-page">
        <PageHeader title={t.title} />
        <EmptyState title={t.title}>
          <span data-testid="page-refused">{list.code === 'FORBIDDEN' ? t.refused : list.error}</span>
        </EmptyState>
      </main>
    );
  }
  const { tickets } = list.data;
  return (
    <main className="v-page">
      <PageHeader title={t.title} description={t.description} actions={<Link href="/help">{t.helpCenter}</Link>} />
      <h2>{t.tickets}</h2>
      {tickets.length === 0 ? (
        <EmptyState title={t.noTickets}>{t.noTicketsHelp}</EmptyState>
      ) : (
        <Table data-testid="support-tickets">
          <thead>
            <tr>
              <th>{t.number}</th>
              <th>{t.subject}</th>
              <th>{t.status}</th>
              <th>{t.priority}</th>
              <th>{t.lastActivity}</th>
            </tr>
          </thead>
          <tbody>
            {tickets.map((ticket) => (
              <tr key={ticket.id}>
                <td>{ticket.number}</td>
                <td>
                  <Link href={`/admin/support/${ticket.id}`}>{ticket.subject}</Link>
                </td>
                <td>
                  <Badge tone={STATUS_TONE[ticket.status]}>{t[ticket.status]}</Badge>
                </td>
                <td>{t[ticket.priority]}</td>
                <td>{formatDateTime(ticket.lastMessageAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Card>
        <h2 style={{ marginTop: 0 }}>{t.newTicket}</h2>
        <p>{t.newTicketHelp}</p>
        <NewTicketForm locale={locale} />
      </Card>
    </main>
  );
}
