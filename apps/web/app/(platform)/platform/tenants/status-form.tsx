'use client';
import { useActionState } from 'react';
import { Button } from '@vitrine/ui';
import type { FormState } from '../../../../src/auth/actions.ts';
import { changeTenantStatusAction } from './actions.ts';

export function TenantStatusForm({ tenantId, suspended, name }: { tenantId: string; suspended: boolean; name: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changeTenantStatusAction, {});
  return (
    <form action={action} className="v-row">
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="intent" value={suspended ? 'reactivate' : 'suspend'} />
      <input name="reason" aria-label={`${suspended ? 'Note' : 'Reason'} for ${name}`} placeholder={suspended ? 'Note (optional)' : 'Reason'} defaultValue={state.values?.reason} />
      <Button type="submit" variant={suspended ? 'secondary' : 'danger'} disabled={pending}>
        {suspended ? 'Reactivate' : 'Suspend'}
      </Button>
      {state.error ? (
        <span className="v-field__error" role="alert">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
