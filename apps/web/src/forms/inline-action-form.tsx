'use client';
import { useActionState, type ReactNode } from 'react';
import { Button } from '@vitrine/ui';
import type { FormState } from '../auth/actions.ts';

interface InlineActionFormProps {
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  label: string;
  /** An accessible name naming what the button acts on ("Remove ana@…"). */
  ariaLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  hidden?: Record<string, string>;
  children?: ReactNode;
}

/** A one-button form inside a table row (fields optional), its refusal announced right beside it. */
export function InlineActionForm({ action, label, ariaLabel, variant = 'secondary', hidden = {}, children }: InlineActionFormProps) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={formAction} className="v-row" style={{ display: 'inline-flex' }}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <Button type="submit" variant={variant} disabled={pending} aria-label={ariaLabel}>
        {label}
      </Button>
      {state.error ? (
        <span className="v-field__error" role="alert">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
