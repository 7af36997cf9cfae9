'use client';
import { Input } from '@vitrine/ui';
import { ActionForm } from '../forms/action-form.tsx';
import { createStoreAction } from './actions.ts';

export function CreateStoreForm({ platformDomain }: { platformDomain: string }) {
  return (
    <ActionForm action={createStoreAction} submitLabel="Create store" pendingLabel="Creating…">
      {(state) => (
        <>
          <Input label="Store name" name="name" defaultValue={state.values?.name} />
          <Input label={`Address (your-store.${platformDomain})`} name="slug" placeholder="my-store" defaultValue={state.values?.slug} />
        </>
      )}
    </ActionForm>
  );
}
