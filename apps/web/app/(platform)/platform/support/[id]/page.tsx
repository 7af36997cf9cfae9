import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Badge, Card, EmptyState, PageHeader } from '@vitrine/ui';
import { formatDateTime } from '../../../../../src/mercadolivre/format.ts';
import { load } from '../../../../../src/mercadolivre/load.ts';
import { currentUser } from '../../../../../src/server/auth.ts';
import { serverCaller } from '../../../../../src/server/caller.ts';
import { Paragraphs } from '../../../../help/paragraphs.tsx';
import { StaffReplyForm, TicketControls } from '../forms.tsx';
import { PRIORITY_LABEL, STATUS_LABEL, STATUS_TONE } from '../labels.ts';

export const metadata = { title: 'Support ticket · Vitrine platform' };

export default async function PlatformTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) redirect(`/login?next=/platform/support/${encodeURIComponent(id)}`);
  if (user.platformRole !== 'SUPER_ADMIN') notFound();
  const thread = await load(async () => (await serverCaller()).platformSupport.get({ ticketId: id }));
  if (thread.error !== null) {
    return (
      <main className="v-page">
        <PageHeader title="Support ticket" actions={<Link href="/platform/support">Queue</Link>} />
        <EmptyState title="Support ticket">{thread.error}</EmptyState>
      </main>
    );
  }
  const { ticket, messages, store, assignedToMe } = thread.data;
  return (
    <main className="v-page">
      <PageHeader
        title={`#${ticket.number} ${ticket.subject}`}
        description={
          <>
            {store.name} ({store.slug}) · <Badge tone={STATUS_TONE[ticket.status]}>{STATUS_LABEL[ticket.status]}</Badge> · priority{' '}
            {PRIORITY_LABEL[ticket.priority].toLowerCase()} · opened by {ticket.createdBy ?? '—'} · assigned to {assignedToMe ? 'me' : (ticket.assignedTo ?? 'nobody')}
          </>
        }
        actions={<Link href="/platform/support">Queue</Link>}
      />
      <TicketControls ticketId={ticket.id} status={ticket.status} priority={ticket.priority} assignedToMe={assignedToMe} />
      <ol data-testid="support-thread" style={{ listStyle: 'none', padding: 0, display: 'grid', gap: 12 }}>
        {messages.map((m) => (
          <li key={m.id}>
            <Card>
              <p style={{ marginTop: 0, fontSize: '0.9rem' }}>
                <strong>{m.author ?? '—'}</strong> · {m.authorKind === 'STAFF' ? 'staff' : 'store'} · {formatDateTime(m.createdAt)}
              </p>
              <Paragraphs text={m.body} />
            </Card>
          </li>
        ))}
      </ol>
      {ticket.status === 'CLOSED' ? <p role="status">This ticket is closed. Change its status to write again.</p> : <StaffReplyForm ticketId={ticket.id} />}
    </main>
  );
}
