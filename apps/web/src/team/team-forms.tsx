'use client';
import { Input } from '@vitrine/ui';
import { ActionForm } from '../forms/action-form.tsx';
import { InlineActionForm } from '../forms/inline-action-form.tsx';
import type { TeamMessages } from '../i18n/messages/team.ts';
import { changeMemberAction, inviteAction, removeMemberAction, resendInvitationAction, revokeInvitationAction, leaveStoreAction } from './actions.ts';

type Role = 'OWNER' | 'ADMIN' | 'STAFF';
const FINE = ['catalog', 'orders', 'support', 'settings', 'billing'] as const;

/** The roles the signed-in person may grant: only owners make owners. */
const rolesFor = (myRole: Role): Role[] => (myRole === 'OWNER' ? ['OWNER', 'ADMIN', 'STAFF'] : ['ADMIN', 'STAFF']);

function PermissionBoxes({ t, idPrefix, checked }: { t: TeamMessages; idPrefix: string; checked: readonly string[] }) {
  return (
    <fieldset className="v-row" aria-label={t.permissions} style={{ border: 0, padding: 0, margin: 0 }}>
      {FINE.map((p) => (
        <label key={p} htmlFor={`${idPrefix}-${p}`} style={{ whiteSpace: 'nowrap' }}>
          <input id={`${idPrefix}-${p}`} type="checkbox" name="permissions" value={p} defaultChecked={checked.includes(p)} /> {t[p]}
        </label>
      ))}
    </fieldset>
  );
}

export function InviteForm({ t, myRole }: { t: TeamMessages; myRole: Role }) {
  return (
    <ActionForm action={inviteAction} submitLabel={t.send} pendingLabel={t.sending}>
      {(state, err) => {
        const v = state.values ?? {};
        return (
          <>
            <div className="v-row">
              <Input label={t.email} name="email" type="email" autoComplete="off" defaultValue={v.email} error={err.email} />
              <div className={err.role ? 'v-field v-field--invalid' : 'v-field'}>
                <label htmlFor="invite-role">{t.role}</label>
                <select id="invite-role" name="role" defaultValue={v.role || 'STAFF'}>
                  {rolesFor(myRole).map((r) => (
                    <option key={r} value={r}>
                      {t[r]}
                    </option>
                  ))}
                </select>
                {err.role ? <span className="v-field__error" role="alert">{err.role}</span> : null}
              </div>
            </div>
            <div className="v-field">
              <span>{t.permissions}</span>
              <PermissionBoxes t={t} idPrefix="invite" checked={['catalog']} />
              {err.permissions ? <span className="v-field__error" role="alert">{err.permissions}</span> : null}
            </div>
            {state.savedAt ? <p role="status">{t.invited}</p> : null}
          </>
        );
      }}
    </ActionForm>
  );
}

export function MemberControls({ t, myRole, member }: { t: TeamMessages; myRole: Role; member: { id: string; email: string; role: Role; permissions: string[] } }) {
  const roles = rolesFor(myRole);
  const editable = myRole === 'OWNER' || member.role !== 'OWNER';
  if (!editable) return null;
  return (
    <div className="v-row">
      <InlineActionForm action={changeMemberAction} label={t.save} ariaLabel={`${t.save} ${member.email}`} hidden={{ membershipId: member.id }}>
        <select id={`role-${member.id}`} name="role" defaultValue={member.role} aria-label={`${t.role} ${member.email}`}>
          {(roles.includes(member.role) ? roles : [member.role, ...roles]).map((r) => (
            <option key={r} value={r}>
              {t[r]}
            </option>
          ))}
        </select>
        <PermissionBoxes t={t} idPrefix={`perm-${member.id}`} checked={member.permissions} />
      </InlineActionForm>
      <InlineActionForm action={removeMemberAction} label={t.remove} ariaLabel={`${t.remove} ${member.email}`} variant="danger" hidden={{ membershipId: member.id }} />
    </div>
  );
}

export function InvitationControls({ t, invitation }: { t: TeamMessages; invitation: { id: string; email: string; status: string } }) {
  if (invitation.status === 'REVOKED' || invitation.status === 'ACCEPTED') return null;
  return (
    <div className="v-row">
      <InlineActionForm action={resendInvitationAction} label={t.resend} ariaLabel={`${t.resend} ${invitation.email}`} hidden={{ invitationId: invitation.id }} />
      {invitation.status === 'PENDING' ? (
        <InlineActionForm action={revokeInvitationAction} label={t.revoke} ariaLabel={`${t.revoke} ${invitation.email}`} variant="danger" hidden={{ invitationId: invitation.id }} />
      ) : null}
    </div>
  );
}

export function LeaveStoreButton({ t }: { t: TeamMessages }) {
  return <InlineActionForm action={leaveStoreAction} label={t.leave} variant="danger" />;
}
