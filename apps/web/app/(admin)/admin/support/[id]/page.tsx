import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Badge, Card, EmptyState, PageHeader } from '@vitrine/ui';
import { adminCaller } from '../../../../../src/admin/active-tenant.ts';
import { supportMessages } from '../../../../../src/i18n/messages/support.ts';
import { requestLocale } from '../../../../../src/i18n/request-locale.ts';
import { formatDateTime } from '../../../../../src/mercadolivre/format.ts';
import { load } from '../../../../../src/mercadolivre/load.ts';
import { currentUser } from '../../../../../src/server/auth.ts';
import { CloseOrReopen, ReplyForm } from '../forms.tsx';
import { STATUS_TONE } from '../status.ts';
import { Paragraphs } from '../../../../help/paragraphs.tsx';

export const metadata = { title: 'Support ticket · Vitrine' };

export default async function SupportTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!(await currentUser())) redirect(`/login?next=/admin/support/${encodeURIComponent(id)}`);
  const locale = await requestLocale();
  const t = supportMessages[locale];
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  const thread = await load(() => caller.support.get({ ticketId: id }));
  if (thread.error !== null) {
    return (
      <main className="v-page">
        <PageHeader title={t.title} actions={<Link href="/admin/support">{t.back}</Link>} />
        <EmptyState title={t.title}>
          <span data-testid="page-refused">{thread.code === 'FORBIDDEN' ? t.refused : thread.code === 'NOT_FOUND' ? t.notFound : thread.error}</span>
        </EmptyState>
      </main>
    );
  }
  const { ticket, messages } = thread.data;
  const closed = ticket.status === 'CLOSED';
  return (
    <main className="v-page">
      <PageHeader
        title={`#${ticket.number} ${ticket.subject}`}
        description={
          <>
            <Badge tone={STATUS_TONE[ticket.status]}>{t[ticket.status]}</Badge> · {t.priority}: {t[ticket.priority]} · {t.openedBy} {ticket.createdBy ?? '—'}
          </>
        }
        actions={<Link href="/admin/support">{t.back}</Link>}
      />
      <ol className="support-thread" data-testid="support-thread" style={{ listStyle: 'none', padding: 0, display: 'grid', gap: 12 }}>
        {messages.map((m) => (
          <li key={m.id}>
            <Card>
              <p style={{ marginTop: 0, fontSize: '0.9rem' }}>
                <strong>{m.authorKind === 'STAFF' ? (m.author ?? t.staff) : (m.author ?? t.you)}</strong> · {formatDateTime(m.createdAt, locale)}
              </p>
              <Paragraphs text={m.body} />
            </Card>
          </li>
        ))}
      </ol>
      {closed ? <p role="status">{t.closedNotice}</p> : <ReplyForm locale={locale} ticketId={ticket.id} />}
      <div style={{ marginTop: 16 }}>
        <CloseOrReopen locale={locale} ticketId={ticket.id} closed={closed} />
      </div>
    </main>
  );
}
