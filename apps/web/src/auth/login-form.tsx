'use client';
import { Input } from '@vitrine/ui';
import { ActionForm } from '../forms/action-form.tsx';
import type { Locale } from '../i18n/locale.ts';
import { authMessages } from '../i18n/messages/auth.ts';
import { loginAction } from './actions.ts';

export function LoginForm({ next, locale }: { next: string; locale: Locale }) {
  const t = authMessages[locale];
  return (
    <ActionForm action={loginAction} submitLabel={t.signIn} pendingLabel={t.signingIn}>
      {(state, err) => (
        <>
          <input type="hidden" name="next" value={next} />
          <Input label={t.email} name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={err.email} />
          <Input label={t.password} name="password" type="password" autoComplete="current-password" required error={err.password} />
        </>
      )}
    </ActionForm>
  );
}
