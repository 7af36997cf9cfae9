'use client';
import { useActionState } from 'react';
import { Button } from '@vitrine/ui';
import type { FormState } from '../../../../src/auth/actions.ts';
import type { Locale } from '../../../../src/i18n/locale.ts';
import { modulesMessages } from '../../../../src/i18n/messages/modules.ts';
import { setTenantModuleAction } from './actions.ts';

/** One module of one store: on, off or as the plan says, with the reason the store's audit log keeps. */
export function TenantModuleForm({ locale, tenantId, module, name, current }: { locale: Locale; tenantId: string; module: string; name: string; current: 'on' | 'off' | 'plan' }) {
  const t = modulesMessages[locale];
  const [state, action, pending] = useActionState<FormState, FormData>(setTenantModuleAction, {});
  const id = (suffix: string) => `${module}-${suffix}`;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="v-row" style={{ alignItems: 'flex-end', flexWrap: 'wrap' }} data-testid={`module-form-${module}`}>
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="module" value={module} />
      <div className="v-field">
        <label htmlFor={id('state')}>
          {t.stateLabel} ({name})
        </label>
        <select id={id('state')} name="state" defaultValue={state.values?.state ?? current}>
          <option value="plan">{t.statePlan}</option>
          <option value="on">{t.stateOn}</option>
          <option value="off">{t.stateOff}</option>
        </select>
      </div>
      <div className="v-field">
        <label htmlFor={id('reason')}>{t.reason}</label>
        <input id={id('reason')} name="reason" defaultValue={state.values?.reason ?? ''} aria-invalid={errors.reason ? true : undefined} aria-describedby={errors.reason ? id('reason-error') : undefined} maxLength={500} />
        {errors.reason ? (
          <span id={id('reason-error')} className="v-field__error" role="alert">
            {errors.reason}
          </span>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t.saving : t.save}
      </Button>
      {state.error ? (
        <span className="v-field__error" role="alert">
          {state.error}
        </span>
      ) : null}
      {state.notice ? <span role="status">{state.notice}</span> : null}
    </form>
  );
}
