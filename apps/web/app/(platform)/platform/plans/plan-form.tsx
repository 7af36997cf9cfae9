'use client';
import type { ReactNode } from 'react';
import { ActionForm } from '../../../../src/forms/action-form.tsx';
import type { FormState } from '../../../../src/auth/actions.ts';
import type { Locale } from '../../../../src/i18n/locale.ts';
import { platformCatalogueMessages } from '../../../../src/i18n/messages/platform-catalogue.ts';
import { LIMIT_FIELDS } from './fields.ts';

export interface PlanValues {
  code: string;
  name: string;
  limits: Record<string, number | null>;
  priceAmount: number;
  currency: string;
  trialDays: number;
  rank: number | null;
  modules: string[];
}

/** One labelled input with its error beside it. */
function Field({ name, label, value, error, help, type = 'text', readOnly }: { name: string; label: string; value: string; error?: string; help?: string; type?: string; readOnly?: boolean }) {
  const id = `plan-${name.replace('.', '-')}`;
  const describedBy = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="v-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type={type} defaultValue={value} readOnly={readOnly} inputMode={type === 'text' ? undefined : 'numeric'} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      {help ? (
        <span id={`${id}-help`} style={{ fontSize: '0.85rem' }}>
          {help}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="v-field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Create (a `plan` without a code: defaults) or edit a plan; the code cannot change once created. */
export function PlanForm({
  locale, action, plan, modules,
}: {
  locale: Locale;
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  plan?: PlanValues;
  modules: { code: string; name: string }[];
}) {
  const t = platformCatalogueMessages[locale];
  // A new plan's form may come with defaults (modules ticked) but has no code yet.
  const editing = Boolean(plan?.code);
  return (
    <ActionForm action={action} submitLabel={editing ? t.save : t.create} pendingLabel={editing ? t.saving : t.creating}>
      {(state, errors): ReactNode => {
        const v = (name: string, initial: string) => state.values?.[name] ?? initial;
        const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
        return (
          <>
            <div className="v-grid">
              <Field name="code" label={t.code} value={v('code', plan?.code ?? '')} error={errors.code} readOnly={editing} />
              <Field name="name" label={t.name} value={v('name', plan?.name ?? '')} error={errors.name} />
              <Field name="priceAmount" label={t.price} type="number" value={v('priceAmount', num(plan?.priceAmount ?? 0))} error={errors.priceAmount} />
              <Field name="currency" label={t.currency} value={v('currency', plan?.currency ?? 'USD')} error={errors.currency} />
              <Field name="trialDays" label={t.trialDays} type="number" value={v('trialDays', num(plan?.trialDays ?? 14))} error={errors.trialDays} />
              <Field name="rank" label={t.rank} type="number" value={v('rank', num(plan?.rank))} error={errors.rank} help={t.rankHelp} />
            </div>
            <fieldset>
              <legend>{t.limits}</legend>
              <p style={{ margin: 0, fontSize: '0.85rem' }}>{t.limitsHelp}</p>
              <div className="v-grid">
                {LIMIT_FIELDS.map((key) => (
                  <Field
                    key={key}
                    name={`limits.${key}`}
                    type="number"
                    label={(t as Record<string, string>)[`limit_${key}`] ?? key}
                    value={v(`limits.${key}`, num(plan?.limits[key]))}
                    error={errors[`limits.${key}`]}
                  />
                ))}
              </div>
            </fieldset>
            <fieldset>
              <legend>{t.modules}</legend>
              {modules.map((m) => (
                <label key={m.code} style={{ display: 'inline-flex', gap: 6, marginRight: 16 }}>
                  <input
                    type="checkbox"
                    name={`module.${m.code}`}
                    defaultChecked={state.values ? state.values[`module.${m.code}`] === 'on' : (plan?.modules.includes(m.code) ?? false)}
                  />
                  {m.name}
                </label>
              ))}
              {errors.modules ? <span className="v-field__error" role="alert">{errors.modules}</span> : null}
            </fieldset>
          </>
        );
      }}
    </ActionForm>
  );
}
