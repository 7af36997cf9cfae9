'use client';
import { useActionState, useEffect, useState, type ReactNode } from 'react';
import { Button } from '@vitrine/ui';
import type { FormState } from '../auth/actions.ts';

interface ConfirmActionFormProps {
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  /** The button that starts the action (it asks first). */
  label: string;
  /** The question asked before anything happens, with the two answers. */
  question: string;
  confirmLabel: string;
  keepLabel: string;
  pendingLabel: string;
  variant?: 'primary' | 'secondary' | 'danger';
  hidden?: Record<string, string>;
  /** The fields, given the last answer (values to refill, errors per field). */
  children?: (state: FormState, fieldErrors: Record<string, string>) => ReactNode;
  testId?: string;
}

/**
 * A form whose action is confirmed first: the button (or Enter in a field) asks the question, and only "yes"
 * submits. The question takes the focus, so it works from the keyboard. Refusals come back beside the fields or
 * above them, a success as a notice; a done form starts over empty.
 */
export function ConfirmActionForm({ action, label, question, confirmLabel, keepLabel, pendingLabel, variant = 'primary', hidden = {}, children, testId }: ConfirmActionFormProps) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  const [confirming, setConfirming] = useState(false);
  useEffect(() => setConfirming(false), [state]);
  return (
    <form
      action={formAction}
      noValidate
      key={state.savedAt ?? 'form'}
      data-testid={testId}
      onSubmit={(event) => {
        if (!confirming) {
          event.preventDefault();
          setConfirming(true);
        }
      }}
    >
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
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children?.(state, state.fieldErrors ?? {})}
      {confirming ? (
        <div role="alertdialog" aria-label={question} className="v-row">
          <p style={{ margin: 0, width: '100%' }}>{question}</p>
          <Button type="submit" variant={variant} disabled={pending} autoFocus>
            {pending ? pendingLabel : confirmLabel}
          </Button>
          <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
            {keepLabel}
          </Button>
        </div>
      ) : (
        <Button type="submit" variant={variant}>
          {label}
        </Button>
      )}
    </form>
  );
}
