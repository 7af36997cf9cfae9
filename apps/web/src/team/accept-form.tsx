'use client';
import { ActionForm } from '../forms/action-form.tsx';
import { acceptInvitationAction } from './actions.ts';

export function AcceptInvitationForm({ token, label, pendingLabel }: { token: string; label: string; pendingLabel: string }) {
  return (
    <ActionForm action={acceptInvitationAction} submitLabel={label} pendingLabel={pendingLabel}>
      {() => <input type="hidden" name="token" value={token} />}
    </ActionForm>
  );
}
