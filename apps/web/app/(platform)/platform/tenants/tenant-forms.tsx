'use client';
import { Input } from '@vitrine/ui';
import { ActionForm } from '../../../../src/forms/action-form.tsx';
import type { Locale } from '../../../../src/i18n/locale.ts';
import { platformTenantMessages } from '../../../../src/i18n/messages/platform-tenants.ts';
import { startImpersonationAction } from '../../../../src/platform/impersonation-actions.ts';
import { changePlanAction, extendTrialAction } from './actions.ts';

function SelectBeside({ name, label, error, value, options }: { name: string; label: string; error?: string; value?: string; options: { value: string; label: string }[] }) {
  const errorId = `${name}-error`;
  return (
    <div className={error ? 'v-field v-field--invalid' : 'v-field'}>
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={value} aria-invalid={Boolean(error)} aria-describedby={error ? errorId : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <span id={errorId} className="v-field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function ChangePlanForm({ locale, tenantId, planCode, plans }: { locale: Locale; tenantId: string; planCode: string; plans: { code: string; name: string }[] }) {
  const t = platformTenantMessages[locale];
  return (
    <ActionForm action={changePlanAction} submitLabel={t.changePlan} pendingLabel={t.saving}>
      {(state, err) => (
        <>
          <input type="hidden" name="tenantId" value={tenantId} />
          <div className="v-row">
            <SelectBeside name="planCode" label={t.newPlan} error={err.planCode} value={state.values?.planCode ?? planCode} options={plans.map((p) => ({ value: p.code, label: p.name }))} />
            <Input id="plan-reason" label={t.reason} name="reason" defaultValue={state.values?.reason} error={err.reason} />
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function ExtendTrialForm({ locale, tenantId }: { locale: Locale; tenantId: string }) {
  const t = platformTenantMessages[locale];
  return (
    <ActionForm action={extendTrialAction} submitLabel={t.extendTrial} pendingLabel={t.saving}>
      {(state, err) => (
        <>
          <input type="hidden" name="tenantId" value={tenantId} />
          <div className="v-row">
            <Input id="trial-days" label={t.days} name="days" type="number" min={1} max={90} defaultValue={state.values?.days ?? '7'} error={err.days} />
            <Input id="trial-reason" label={t.reason} name="reason" defaultValue={state.values?.reason} error={err.reason} />
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function ImpersonateForm({ locale, tenantId }: { locale: Locale; tenantId: string }) {
  const t = platformTenantMessages[locale];
  return (
    <ActionForm action={startImpersonationAction} submitLabel={t.enter} pendingLabel={t.entering}>
      {(state, err) => (
        <>
          <input type="hidden" name="tenantId" value={tenantId} />
          <p>{t.enterAdminHelp}</p>
          <div className="v-row">
            <Input id="impersonation-reason" label={t.reason} name="reason" defaultValue={state.values?.reason} error={err.reason} />
            <SelectBeside
              name="mode"
              label={t.mode}
              error={err.mode}
              value={state.values?.mode ?? 'READ_ONLY'}
              options={[
                { value: 'READ_ONLY', label: t.READ_ONLY },
                { value: 'FULL', label: t.FULL },
              ]}
            />
            <Input id="impersonation-minutes" label={t.minutes} name="minutes" type="number" min={15} max={60} defaultValue={state.values?.minutes ?? '15'} error={err.minutes} />
          </div>
        </>
      )}
    </ActionForm>
  );
}
