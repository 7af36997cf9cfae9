'use client';
import { useActionState } from 'react';
import { Button, Input } from '@vitrine/ui';
import { loginAction, type FormState } from './actions.ts';

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(loginAction, {});
  const err = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      {state.error ? (
        <p className="v-alert" role="alert">
          {state.error}
        </p>
      ) : null}
      <input type="hidden" name="next" value={next} />
      <Input label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={err.email} />
      <Input label="Password" name="password" type="password" autoComplete="current-password" required error={err.password} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
