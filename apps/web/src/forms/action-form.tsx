'use client';
import { useActionState, type ReactNode } from 'react';
import { Button } from '@vitrine/ui';
import type { FormState } from '../auth/actions.ts';

interface ActionFormProps {
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  submitLabel: string;
  pendingLabel: string;
  /** The fields, given the last answer (values to refill, errors per field). */
  children: (state: FormState, fieldErrors: Record<string, string>) => ReactNode;
}

/**
 * A form posting to a server action: the action's error above the fields, a submit button that says it
 * is busy. A saved form (state.savedAt) starts over empty.
 */
export function ActionForm({ action, submitLabel, pendingLabel, children }: ActionFormProps) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={formAction} noValidate key={state.savedAt ?? 'form'}>
      {state.error ? (
        <p className="v-alert" role="alert">
          {state.error}
        </p>
      ) : null}
      {state.notice ? (
        <p className="v-notice" role="status">
          {state.notice}
        </p>
      ) : null}
      {children(state, state.fieldErrors ?? {})}
      <Button type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
