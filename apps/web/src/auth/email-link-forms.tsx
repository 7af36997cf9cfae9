'use client';
import { Input } from '@vitrine/ui';
import { ActionForm } from '../forms/action-form.tsx';
import type { Locale } from '../i18n/locale.ts';
import { authMessages } from '../i18n/messages/auth.ts';
import { magicLinkSignInAction, requestMagicLinkAction, requestPasswordResetAction, resetPasswordAction, twoFactorAction } from './identity-actions.ts';

/** On the sign-in page: an emailed one-time sign-in link instead of the password. */
export function MagicLinkRequestForm({ locale }: { locale: Locale }) {
  const t = authMessages[locale];
  return (
    <ActionForm action={requestMagicLinkAction} submitLabel={t.emailMeSignInLink} pendingLabel={t.sending}>
      {(state, err) => <Input label={t.magicLinkAddress} id="magic-email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} error={err.email} />}
    </ActionForm>
  );
}

export function PasswordResetRequestForm({ locale }: { locale: Locale }) {
  const t = authMessages[locale];
  return (
    <ActionForm action={requestPasswordResetAction} submitLabel={t.emailMeResetLink} pendingLabel={t.sending}>
      {(state, err) => <Input label={t.email} name="email" type="email" autoComplete="email" defaultValue={state.values?.email} error={err.email} />}
    </ActionForm>
  );
}

/** The page an emailed sign-in link opens: one button, so a mail scanner fetching the link does not use it up. */
export function MagicLinkSignInForm({ token, locale }: { token: string; locale: Locale }) {
  const t = authMessages[locale];
  return (
    <ActionForm action={magicLinkSignInAction} submitLabel={t.signIn} pendingLabel={t.signingIn}>
      {() => <input type="hidden" name="token" value={token} />}
    </ActionForm>
  );
}

export function ResetPasswordForm({ token, locale }: { token: string; locale: Locale }) {
  const t = authMessages[locale];
  return (
    <ActionForm action={resetPasswordAction} submitLabel={t.saveNewPassword} pendingLabel={t.saving}>
      {(_state, err) => (
        <>
          <input type="hidden" name="token" value={token} />
          <Input label={t.newPassword} name="password" type="password" autoComplete="new-password" error={err.password} />
          <Input label={t.newPasswordAgain} name="confirm" type="password" autoComplete="new-password" error={err.confirm} />
        </>
      )}
    </ActionForm>
  );
}

export function TwoFactorForm({ locale }: { locale: Locale }) {
  const t = authMessages[locale];
  return (
    <ActionForm action={twoFactorAction} submitLabel={t.verify} pendingLabel={t.checking}>
      {(_state, err) => <Input label={t.twoFactorCode} name="code" autoComplete="one-time-code" inputMode="text" autoFocus error={err.code} />}
    </ActionForm>
  );
}
