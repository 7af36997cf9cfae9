'use client';
import { Input } from '@vitrine/ui';
import { ActionForm } from '../forms/action-form.tsx';
import type { Locale } from '../i18n/locale.ts';
import { commerceSettingsMessages } from '../i18n/messages/commerce-settings.ts';
import { ConfirmActionForm } from '../orders/confirm-action-form.tsx';
import { deleteTaxRuleAction, saveTaxRuleAction } from './tax-actions.ts';

export interface TaxRuleValues {
  id?: string;
  name: string;
  country: string;
  region: string;
  /** In %, as typed ("7.25"). */
  rate: string;
  appliesToShipping: boolean;
}

/** A new tax rule, or the rule being edited. Field names are the router's, so its sentences land beside them. */
export function TaxRuleForm({ locale, rule }: { locale: Locale; rule?: TaxRuleValues }) {
  const t = commerceSettingsMessages[locale];
  return (
    <ActionForm action={saveTaxRuleAction} submitLabel={rule?.id ? t.save : t.addRule} pendingLabel={t.saving}>
      {(state, err) => {
        const v = state.values;
        return (
          <>
            {rule?.id ? <input type="hidden" name="id" value={rule.id} /> : null}
            <div className="v-row">
              <Input label={t.ruleName} name="name" id="tax-name" maxLength={60} defaultValue={v?.name ?? rule?.name} error={err.name} />
              <Input label={t.country} name="country" id="tax-country" maxLength={2} size={4} defaultValue={v?.country ?? rule?.country} error={err.country} />
              <Input label={t.region} name="region" id="tax-region" maxLength={10} size={8} defaultValue={v?.region ?? rule?.region} error={err.region} />
              <Input label={t.rate} name="rateBasisPoints" id="tax-rate" inputMode="decimal" size={6} defaultValue={v?.rateBasisPoints ?? rule?.rate} error={err.rateBasisPoints} />
            </div>
            <label htmlFor="tax-shipping" style={{ display: 'flex', gap: 8, alignItems: 'center', margin: '0 0 12px' }}>
              <input id="tax-shipping" type="checkbox" name="appliesToShipping" defaultChecked={v ? v.appliesToShipping === 'on' : (rule?.appliesToShipping ?? false)} />
              {t.appliesToShipping}
            </label>
          </>
        );
      }}
    </ActionForm>
  );
}

export function DeleteTaxRule({ locale, id, label }: { locale: Locale; id: string; label: string }) {
  const t = commerceSettingsMessages[locale];
  return (
    <ConfirmActionForm
      action={deleteTaxRuleAction}
      label={t.deleteRule}
      question={`${label}: ${t.deleteQuestion}`}
      confirmLabel={t.confirm}
      keepLabel={t.keep}
      pendingLabel={t.working}
      variant="danger"
      hidden={{ id }}
    />
  );
}
