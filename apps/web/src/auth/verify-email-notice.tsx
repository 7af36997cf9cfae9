'use client';
import { useActionState } from 'react';
import { Button } from '@vitrine/ui';
import type { FormState } from './actions.ts';
import { resendVerificationAction } from './identity-actions.ts';

/** Shown across the admin while the person's address is unconfirmed, with a button to send the link again. */
export function VerifyEmailNotice({ text, t }: { text: string; t: { resend: string; resending: string; label: string } }) {
  const [state, action, pending] = useActionState<FormState>(resendVerificationAction, {});
  return (
    <div className="v-page" style={{ paddingBottom: 0 }}>
      <form action={action} className="v-notice" role="region" aria-label={t.label} style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        <span>{text}</span>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t.resending : t.resend}
        </Button>
        {state.notice || state.error ? <span role="status">{state.notice ?? state.error}</span> : null}
      </form>
    </div>
  );
}
