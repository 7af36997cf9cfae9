'use client';
import { Input } from '@vitrine/ui';
import { ActionForm } from '../forms/action-form.tsx';
import type { Locale } from '../i18n/locale.ts';
import { authMessages } from '../i18n/messages/auth.ts';
import { signupAction } from './actions.ts';

export function SignupForm({ locale }: { locale: Locale }) {
  const t = authMessages[locale];
  return (
    <ActionForm action={signupAction} submitLabel={t.createAccount} pendingLabel={t.creatingAccount}>
      {(state, err) => (
        <>
          <Input label={t.yourName} name="name" autoComplete="name" defaultValue={state.values?.name} error={err.name} />
          <Input label={t.email} name="email" type="email" autoComplete="email" defaultValue={state.values?.email} error={err.email} />
          <Input label={t.password} name="password" type="password" autoComplete="new-password" error={err.password} />
        </>
      )}
    </ActionForm>
  );
}
