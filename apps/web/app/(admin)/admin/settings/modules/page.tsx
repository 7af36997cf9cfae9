import { redirect } from 'next/navigation';
import { Badge, Card, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { adminCaller } from '../../../../../src/admin/active-tenant.ts';
import { InlineActionForm } from '../../../../../src/forms/inline-action-form.tsx';
import { modulesMessages } from '../../../../../src/i18n/messages/modules.ts';
import { messagesFor } from '../../../../../src/i18n/request-locale.ts';
import { load } from '../../../../../src/mercadolivre/load.ts';
import { currentUser } from '../../../../../src/server/auth.ts';
import { setMemberModuleAction } from './actions.ts';

export const metadata = { title: 'Modules · Vitrine' };

/** The store's modules and, for owners and admins, switching a module off for a staff member. */
export default async function StoreModulesPage() {
  if (!(await currentUser())) redirect('/login?next=/admin/settings/modules');
  const t = await messagesFor(modulesMessages);
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  const view = await load(() => caller.modules.store());
  if (view.error !== null) {
    return (
      <main className="v-page">
        <PageHeader title={t.title} />
        <EmptyState title={t.title}>
          <span data-testid="page-refused">{view.code === 'FORBIDDEN' ? t.refused : view.error}</span>
        </EmptyState>
      </main>
    );
  }
  const { modules, members } = view.data;
  const staff = members.filter((m) => m.role === 'STAFF');
  const usable = modules.filter((m) => m.enabled);
  return (
    <main className="v-page">
      <PageHeader title={t.title} description={t.description} />
      <Table data-testid="store-modules">
        <thead>
          <tr>
            <th>{t.module}</th>
            <th>{t.state}</th>
          </tr>
        </thead>
        <tbody>
          {modules.map((m) => (
            <tr key={m.code} data-module={m.code}>
              <td>
                <strong>{m.name}</strong>
                <div style={{ fontSize: '0.85rem' }}>{m.description}</div>
              </td>
              <td>
                <Badge tone={m.enabled ? 'success' : 'neutral'}>{m.enabled ? t.on : t.off}</Badge> {m.overridden ? t.byVitrine : t.byPlan}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Card>
        <h2 style={{ marginTop: 0 }}>{t.members}</h2>
        <p>{t.membersHelp}</p>
        {staff.length === 0 || usable.length === 0 ? (
          <p>{t.noStaff}</p>
        ) : (
          <Table data-testid="member-modules">
            <thead>
              <tr>
                <th>{t.member}</th>
                {usable.map((m) => (
                  <th key={m.code}>{m.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {staff.map((member) => (
                <tr key={member.userId}>
                  <td>
                    {member.name ?? member.email}
                    <div style={{ fontSize: '0.85rem' }}>{member.email}</div>
                  </td>
                  {usable.map((m) => {
                    const off = member.switchedOff.includes(m.code);
                    return (
                      <td key={m.code}>
                        <Badge tone={off ? 'neutral' : 'success'}>{off ? t.off : t.on}</Badge>{' '}
                        <InlineActionForm
                          action={setMemberModuleAction}
                          label={off ? t.switchOn : t.switchOff}
                          ariaLabel={`${off ? t.switchOn : t.switchOff}: ${m.name}, ${member.email}`}
                          hidden={{ userId: member.userId, module: m.code, enabled: off ? 'true' : 'false' }}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </main>
  );
}
