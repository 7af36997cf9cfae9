import { redirect } from 'next/navigation';
import { Badge, Card, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { adminCaller } from '../../../../src/admin/active-tenant.ts';
import { teamClientMessages, teamMessages } from '../../../../src/i18n/messages/team.ts';
import { messagesFor } from '../../../../src/i18n/request-locale.ts';
import { formatDateTime } from '../../../../src/mercadolivre/format.ts';
import { load } from '../../../../src/mercadolivre/load.ts';
import { currentUser } from '../../../../src/server/auth.ts';
import { InvitationControls, InviteForm, LeaveStoreButton, MemberControls } from '../../../../src/team/team-forms.tsx';

export const metadata = { title: 'Team · Vitrine' };

const STATUS_TONE = { PENDING: 'warning', ACCEPTED: 'success', REVOKED: 'neutral', EXPIRED: 'danger' } as const;

export default async function TeamPage() {
  if (!(await currentUser())) redirect('/login?next=/admin/team');
  const t = teamClientMessages(await messagesFor(teamMessages));
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  const team = await load(() => caller.team.list());
  if (team.error !== null) {
    return (
      <main className="v-page">
        <PageHeader title={t.title} />
        <EmptyState title={t.title}>
          <span data-testid="page-refused">{team.code === 'FORBIDDEN' ? t.refused : team.error}</span>
        </EmptyState>
        <LeaveStoreButton t={t} />
      </main>
    );
  }
  const { me, members, invitations } = team.data;
  return (
    <main className="v-page">
      <PageHeader title={t.title} description={t.description} />
      <h2>{t.members}</h2>
      <Table data-testid="team-members">
        <thead>
          <tr>
            <th>{t.email}</th>
            <th>{t.role}</th>
            <th>{t.permissions}</th>
            <th>{t.since}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>
                {m.email} {m.id === me.membershipId ? t.you : null}
              </td>
              <td>{t[m.role]}</td>
              <td>{m.role === 'STAFF' ? m.permissions.map((p) => t[p as 'catalog']).join(', ') || '—' : '—'}</td>
              <td>{formatDateTime(m.createdAt)}</td>
              <td>
                <MemberControls t={t} myRole={me.role} member={m} />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p>{t.staffOnly}</p>
      <Card>
        <h2 style={{ marginTop: 0 }}>{t.invite}</h2>
        <p>{t.inviteHelp}</p>
        <InviteForm t={t} myRole={me.role} />
      </Card>
      <h2>{t.invitations}</h2>
      {invitations.length === 0 ? (
        <p>{t.noInvitations}</p>
      ) : (
        <Table data-testid="team-invitations">
          <thead>
            <tr>
              <th>{t.email}</th>
              <th>{t.role}</th>
              <th>{t.status}</th>
              <th>{t.expires}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {invitations.map((i) => (
              <tr key={i.id}>
                <td>{i.email}</td>
                <td>{t[i.role]}</td>
                <td>
                  <Badge tone={STATUS_TONE[i.status]}>{t[i.status]}</Badge>
                </td>
                <td>{formatDateTime(i.expiresAt)}</td>
                <td>
                  <InvitationControls t={t} invitation={i} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <h2>{t.leave}</h2>
      <LeaveStoreButton t={t} />
    </main>
  );
}
