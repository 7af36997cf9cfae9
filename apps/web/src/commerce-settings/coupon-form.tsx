'use client';
import { useState } from 'react';
import { Input } from '@vitrine/ui';
import { ActionForm } from '../forms/action-form.tsx';
import type { Locale } from '../i18n/locale.ts';
import { couponsMessages } from '../i18n/messages/coupons.ts';
import { ConfirmActionForm } from '../orders/confirm-action-form.tsx';
import { createCouponAction, switchCouponAction, updateCouponAction } from './coupon-actions.ts';

interface CouponFormProps {
  locale: Locale;
  currency: string;
  /** The coupon being edited (its form values and id); absent: a new coupon. */
  coupon?: { id: string; values: Record<string, string> };
}

/** Creates a coupon, or edits one (the code is shown, not editable). Each field's refusal is beside it. */
export function CouponForm({ locale, currency, coupon }: CouponFormProps) {
  const t = couponsMessages[locale];
  const [kind, setKind] = useState(coupon?.values.kind ?? 'PERCENT');
  return (
    <ActionForm action={coupon ? updateCouponAction : createCouponAction} submitLabel={coupon ? t.save : t.create} pendingLabel={coupon ? t.saving : t.creating}>
      {(state, err) => {
        const v = (name: string) => state.values?.[name] ?? coupon?.values[name] ?? '';
        return (
          <>
            {coupon ? <input type="hidden" name="id" value={coupon.id} /> : null}
            <div className="v-row">
              {coupon ? (
                <Input label={t.code} name="code" id="coupon-code" value={coupon.values.code} readOnly />
              ) : (
                <Input label={t.code} name="code" id="coupon-code" maxLength={40} defaultValue={v('code')} error={err.code} aria-describedby="coupon-code-help" />
              )}
              <div className={err.kind ? 'v-field v-field--invalid' : 'v-field'}>
                <label htmlFor="coupon-kind">{t.kind}</label>
                <select id="coupon-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
                  <option value="PERCENT">{t.PERCENT}</option>
                  <option value="FIXED">{t.FIXED}</option>
                </select>
                {err.kind ? <span className="v-field__error" role="alert">{err.kind}</span> : null}
              </div>
              <Input
                label={kind === 'PERCENT' ? t.valuePercent : `${t.valueFixed} (${currency})`}
                name="value"
                id="coupon-value"
                inputMode="decimal"
                size={8}
                defaultValue={v('value')}
                error={err.value}
              />
              <Input label={`${t.minimumOrder} (${currency})`} name="minimumOrderAmount" id="coupon-minimum" inputMode="decimal" size={8} defaultValue={v('minimumOrderAmount')} error={err.minimumOrderAmount} />
            </div>
            {coupon ? null : (
              <p id="coupon-code-help" style={{ marginTop: 0 }}>
                <small>{t.codeHelp}</small>
              </p>
            )}
            <div className="v-row">
              <Input label={t.startsAt} name="startsAt" id="coupon-starts" type="date" defaultValue={v('startsAt')} error={err.startsAt} />
              <Input label={t.expiresAt} name="expiresAt" id="coupon-expires" type="date" defaultValue={v('expiresAt')} error={err.expiresAt} />
              <Input label={t.maxUses} name="maxUses" id="coupon-max-uses" inputMode="numeric" size={6} placeholder={t.noLimit} defaultValue={v('maxUses')} error={err.maxUses} />
              <Input label={t.maxUsesPerBuyer} name="maxUsesPerBuyer" id="coupon-max-per-buyer" inputMode="numeric" size={6} placeholder={t.noLimit} defaultValue={v('maxUsesPerBuyer')} error={err.maxUsesPerBuyer} />
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}

/** Switches a coupon off (asking first) or back on. */
export function CouponSwitch({ locale, id, code, active }: { locale: Locale; id: string; code: string; active: boolean }) {
  const t = couponsMessages[locale];
  return (
    <ConfirmActionForm
      action={switchCouponAction}
      label={active ? t.switchOff : t.switchOn}
      question={active ? `${code}: ${t.switchOffQuestion}` : `${code}: ${t.switchOn}?`}
      confirmLabel={t.confirm}
      keepLabel={t.keep}
      pendingLabel={t.working}
      variant={active ? 'danger' : 'secondary'}
      hidden={{ id, on: active ? 'false' : 'true' }}
    />
  );
}
