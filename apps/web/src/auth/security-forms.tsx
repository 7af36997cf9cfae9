'use client';
import { useActionState } from 'react';
import { Button, Input } from '@vitrine/ui';
import { ActionForm } from '../forms/action-form.tsx';
import type { FormState } from './actions.ts';
import {
  confirmTwoFactorAction,
  disableTwoFactorAction,
  regenerateRecoveryCodesAction,
  revokeSessionAction,
  signOutOthersAction,
  type TwoFactorState,
} from './security-actions.ts';

function Answer({ state }: { state: FormState }) {
  if (state.error) return <p className="v-alert" role="alert">{state.error}</p>;
  if (state.notice) return <p className="v-notice" role="status">{state.notice}</p>;
  return null;
}

export function RevokeSessionButton({ sessionId, label, accessibleLabel }: { sessionId: string; label: string; accessibleLabel: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(revokeSessionAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="sessionId" value={sessionId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={accessibleLabel}>
        {label}
      </Button>
      {state.error ? <span role="alert">{state.error}</span> : null}
    </form>
  );
}

export function SignOutOthersButton({ label }: { label: string }) {
  const [state, action, pending] = useActionState<FormState>(signOutOthersAction, {});
  return (
    <form action={action}>
      <Answer state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {label}
      </Button>
    </form>
  );
}

interface ConfirmText {
  confirmCode: string;
  turnOn: string;
  turningOn: string;
  recoveryTitle: string;
  recoveryHelp: string;
  done: string;
}

/** The ten recovery codes, shown once (after enrolment or after asking for new ones). */
function RecoveryCodes({ state, t }: { state: TwoFactorState; t: Pick<ConfirmText, 'recoveryTitle' | 'recoveryHelp' | 'done'> }) {
  return (
    <section aria-labelledby="recovery-title">
      <Answer state={state} />
      <h3 id="recovery-title">{t.recoveryTitle}</h3>
      <p>{t.recoveryHelp}</p>
      <ul aria-label={t.recoveryTitle} style={{ fontFamily: 'monospace', columns: 2 }}>
        {(state.recoveryCodes ?? []).map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <a className="v-button" href="/admin/account/security">
        {t.done}
      </a>
    </section>
  );
}

/** Confirms enrolment with a code; then shows the ten recovery codes once. */
export function ConfirmTwoFactorForm({ t }: { t: ConfirmText }) {
  const [state, action, pending] = useActionState<TwoFactorState, FormData>(confirmTwoFactorAction, {});
  if (state.recoveryCodes) return <RecoveryCodes state={state} t={t} />;
  return (
    <form action={action} noValidate>
      <Answer state={state} />
      <Input label={t.confirmCode} name="code" autoComplete="one-time-code" inputMode="numeric" error={state.fieldErrors?.code} />
      <Button type="submit" disabled={pending}>
        {pending ? t.turningOn : t.turnOn}
      </Button>
    </form>
  );
}

interface RegenerateText {
  currentCode: string;
  regenerate: string;
  regenerating: string;
  recoveryTitle: string;
  recoveryHelp: string;
  done: string;
}

/** Asks for a current code, then shows ten new recovery codes once (the old ones no longer work). */
export function RegenerateRecoveryCodesForm({ t }: { t: RegenerateText }) {
  const [state, action, pending] = useActionState<TwoFactorState, FormData>(regenerateRecoveryCodesAction, {});
  if (state.recoveryCodes) return <RecoveryCodes state={state} t={t} />;
  return (
    <form action={action} noValidate>
      <Answer state={state} />
      <Input label={t.currentCode} id="regenerate-code" name="code" autoComplete="one-time-code" inputMode="numeric" error={state.fieldErrors?.code} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t.regenerating : t.regenerate}
      </Button>
    </form>
  );
}

export function DisableTwoFactorForm({ t }: { t: { currentPassword: string; currentCode: string; turnOff: string; turningOff: string } }) {
  return (
    <ActionForm action={disableTwoFactorAction} submitLabel={t.turnOff} pendingLabel={t.turningOff}>
      {(_state, err) => (
        <>
          <Input label={t.currentPassword} id="disable-password" name="password" type="password" autoComplete="current-password" error={err.password} />
          <Input label={t.currentCode} id="disable-code" name="code" autoComplete="one-time-code" inputMode="numeric" error={err.code} />
        </>
      )}
    </ActionForm>
  );
}
