'use client';
import { useActionState } from 'react';
import { Button, Input } from '@vitrine/ui';
import type { FormState } from '../auth/actions.ts';
import { createProductAction } from './actions.ts';

export function CreateProductForm({ currency }: { currency: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createProductAction, {});
  const err = state.fieldErrors ?? {};
  const v = state.values ?? {};
  return (
    <form action={action} noValidate key={state.savedAt ?? 'form'}>
      {state.error ? (
        <p className="v-alert" role="alert">
          {state.error}
        </p>
      ) : null}
      <input type="hidden" name="currency" value={currency} />
      <div className="v-row">
        <Input label="Title" name="title" defaultValue={v.title} error={err.title} />
        <Input label="SKU" name="sku" defaultValue={v.sku} error={err.sku} />
        <Input label={`Price (${currency})`} name="price" inputMode="decimal" placeholder="19.90" defaultValue={v.price} error={err.price} />
        <Input label="Stock" name="stock" inputMode="numeric" defaultValue={v.stock ?? '0'} error={err.stock} />
      </div>
      <div className="v-field">
        <label>
          <input type="checkbox" name="publish" defaultChecked /> Show it in the store now
        </label>
      </div>
      {state.savedAt ? <p role="status">Product added.</p> : null}
      <Button type="submit" disabled={pending}>
        {pending ? 'Adding…' : 'Add product'}
      </Button>
    </form>
  );
}
