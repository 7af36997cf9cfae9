'use client';
import { Input } from '@vitrine/ui';
import { ActionForm } from '../forms/action-form.tsx';
import { signupAction } from './actions.ts';

export function SignupForm() {
  return (
    <ActionForm action={signupAction} submitLabel="Create account" pendingLabel="Creating your account…">
      {(state, err) => (
        <>
          <Input label="Your name" name="name" autoComplete="name" defaultValue={state.values?.name} error={err.name} />
          <Input label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} error={err.email} />
          <Input label="Password" name="password" type="password" autoComplete="new-password" error={err.password} />
        </>
      )}
    </ActionForm>
  );
}
