'use client';
import { useActionState } from 'react';
import { Button, Input } from '@vitrine/ui';
import { signupAction, type FormState } from './actions.ts';

export function SignupForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(signupAction, {});
  const err = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      {state.error ? (
        <p className="v-alert" role="alert">
          {state.error}
        </p>
      ) : null}
      <Input label="Your name" name="name" autoComplete="name" defaultValue={state.values?.name} error={err.name} />
      <Input label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} error={err.email} />
      <Input label="Password" name="password" type="password" autoComplete="new-password" error={err.password} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  );
}
