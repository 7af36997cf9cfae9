'use client';
import { Input } from '@vitrine/ui';
import { ActionForm } from '../forms/action-form.tsx';
import { loginAction } from './actions.ts';

export function LoginForm({ next }: { next: string }) {
  return (
    <ActionForm action={loginAction} submitLabel="Sign in" pendingLabel="Signing in…">
      {(state, err) => (
        <>
          <input type="hidden" name="next" value={next} />
          <Input label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={err.email} />
          <Input label="Password" name="password" type="password" autoComplete="current-password" required error={err.password} />
        </>
      )}
    </ActionForm>
  );
}
