'use client';
import { Input } from '@vitrine/ui';
import { ActionForm } from '../forms/action-form.tsx';
import { createProductAction } from './actions.ts';

export function CreateProductForm({ currency }: { currency: string }) {
  return (
    <ActionForm action={createProductAction} submitLabel="Add product" pendingLabel="Adding…">
      {(state, err) => {
        const v = state.values ?? {};
        return (
          <>
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
          </>
        );
      }}
    </ActionForm>
  );
}
