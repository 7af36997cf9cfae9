'use client';
import { useActionState } from 'react';
import { Button, Input } from '@vitrine/ui';
import type { FormState } from '../auth/actions.ts';
import { createStoreAction } from './actions.ts';

export function CreateStoreForm({ platformDomain }: { platformDomain: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createStoreAction, {});
  return (
    <form action={action} noValidate>
      {state.error ? (
        <p className="v-alert" role="alert">
          {state.error}
        </p>
      ) : null}
      <Input label="Store name" name="name" defaultValue={state.values?.name} />
      <Input label={`Address (your-store.${platformDomain})`} name="slug" placeholder="my-store" defaultValue={state.values?.slug} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create store'}
      </Button>
    </form>
  );
}
