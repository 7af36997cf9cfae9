'use client';
import { useState } from 'react';
import { Input } from '@vitrine/ui';
import { ActionForm } from '../forms/action-form.tsx';
import type { Locale } from '../i18n/locale.ts';
import { commerceSettingsMessages } from '../i18n/messages/commerce-settings.ts';
import { saveShippingAction } from './shipping-actions.ts';

export interface ShippingFormDefaults {
  basis: 'WEIGHT' | 'ORDER_VALUE';
  /** The bands as the fields show them (amounts in major units, weights in grams). */
  bands: { name: string; from: string; to: string; price: string }[];
  pickup: { name: string; price: string } | null;
}

/** The store's shipping bands (the saved ones, then empty rows to add more) and local pickup. */
export function ShippingSettingsForm({ locale, currency, defaults }: { locale: Locale; currency: string; defaults: ShippingFormDefaults }) {
  const t = commerceSettingsMessages[locale];
  const [pickup, setPickup] = useState(!!defaults.pickup);
  const [basis, setBasis] = useState(defaults.basis);
  const rows = Math.min(Math.max(defaults.bands.length + 2, 3), 20);
  const unit = basis === 'WEIGHT' ? 'g' : currency;
  return (
    <ActionForm action={saveShippingAction} submitLabel={t.save} pendingLabel={t.saving}>
      {(state, err) => {
        const v = (name: string, fallback = '') => state.values?.[name] ?? fallback;
        return (
          <>
            <input type="hidden" name="rows" value={rows} />
            <div className={err.basis ? 'v-field v-field--invalid' : 'v-field'}>
              <label htmlFor="shipping-basis">{t.basis}</label>
              <select id="shipping-basis" name="basis" value={basis} onChange={(e) => setBasis(e.target.value === 'WEIGHT' ? 'WEIGHT' : 'ORDER_VALUE')}>
                <option value="ORDER_VALUE">{`${t.basis_ORDER_VALUE} (${currency})`}</option>
                <option value="WEIGHT">{t.basis_WEIGHT}</option>
              </select>
              {err.basis ? <span className="v-field__error" role="alert">{err.basis}</span> : null}
            </div>
            <h3>{t.bandsTitle}</h3>
            <p>
              <small>{t.bandsHelp}</small>
            </p>
            {Array.from({ length: rows }, (_, i) => {
              const d = defaults.bands[i];
              return (
                <fieldset key={i} className="v-row" style={{ border: 0, padding: 0, margin: 0 }}>
                  <legend style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{`${t.band} ${i + 1}`}</legend>
                  <Input label={`${t.band} ${i + 1} · ${t.bandName}`} name={`band${i}Name`} defaultValue={v(`band${i}Name`, d?.name)} error={err[`band${i}Name`]} />
                  <Input label={`${t.bandFrom} (${unit})`} name={`band${i}From`} id={`field-band${i}From`} inputMode="decimal" size={8} defaultValue={v(`band${i}From`, d?.from)} error={err[`band${i}From`]} />
                  <Input label={`${t.bandTo} (${unit})`} name={`band${i}To`} inputMode="decimal" size={8} defaultValue={v(`band${i}To`, d?.to)} error={err[`band${i}To`]} />
                  <Input label={`${t.bandPrice} (${currency})`} name={`band${i}Price`} inputMode="decimal" size={8} defaultValue={v(`band${i}Price`, d?.price)} error={err[`band${i}Price`]} />
                </fieldset>
              );
            })}
            <h3>{t.pickupTitle}</h3>
            <label htmlFor="shipping-pickup" style={{ display: 'flex', gap: 8, alignItems: 'center', margin: '8px 0' }}>
              <input id="shipping-pickup" type="checkbox" name="pickup" checked={pickup} onChange={(e) => setPickup(e.target.checked)} />
              {t.pickup}
            </label>
            {pickup ? (
              <div className="v-row">
                <Input label={t.pickupPlace} name="pickupName" maxLength={120} size={50} defaultValue={v('pickupName', defaults.pickup?.name)} error={err.pickupName} />
                <Input label={`${t.pickupPrice} (${currency})`} name="pickupPrice" inputMode="decimal" size={8} defaultValue={v('pickupPrice', defaults.pickup?.price ?? '0')} error={err.pickupPrice} />
              </div>
            ) : null}
          </>
        );
      }}
    </ActionForm>
  );
}
