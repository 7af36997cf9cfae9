'use client';
import { Input } from '@vitrine/ui';
import { ActionForm } from '../../../src/forms/action-form.tsx';
import { InlineActionForm } from '../../../src/forms/inline-action-form.tsx';
import type { Locale } from '../../../src/i18n/locale.ts';
import { partnerMessages } from '../../../src/i18n/messages/partners.ts';
import { changeClientPlanAction, createClientAction, reactivateClientAction, suspendClientAction } from './actions.ts';

type Plan = { code: string; name: string };

function PlanSelect({ id, plans, value, label, error }: { id: string; plans: Plan[]; value: string; label: string; error?: string | undefined }) {
  return (
    <div className={error ? 'v-field v-field--invalid' : 'v-field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name="planCode" defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {plans.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name} ({p.code})
          </option>
        ))}
      </select>
      {error ? (
        <span id={`${id}-error`} className="v-field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** A client's new store: name, address, the owner's email and a plan among the allowed ones. */
export function CreateClientForm({ locale, plans, platformDomain }: { locale: Locale; plans: Plan[]; platformDomain: string }) {
  const t = partnerMessages[locale];
  return (
    <ActionForm action={createClientAction} submitLabel={t.create} pendingLabel={t.creating}>
      {(state, err) => {
        const v = state.values ?? {};
        return (
          <>
            <Input label={t.name} name="name" defaultValue={v.name} error={err.name} />
            <Input label={t.slug} name="slug" defaultValue={v.slug} error={err.slug} aria-describedby="slug-help" />
            <p id="slug-help" style={{ marginTop: -8, fontSize: '0.85rem' }}>
              {t.slugHelp(platformDomain)}
            </p>
            <Input label={t.ownerEmail} name="ownerEmail" type="email" defaultValue={v.ownerEmail} error={err.ownerEmail} />
            <PlanSelect id="planCode" plans={plans} value={v.planCode ?? plans[0]?.code ?? ''} label={t.plan} error={err.planCode} />
          </>
        );
      }}
    </ActionForm>
  );
}

export function ChangePlanForm({ locale, tenantId, plans, current }: { locale: Locale; tenantId: string; plans: Plan[]; current: string }) {
  const t = partnerMessages[locale];
  return (
    <ActionForm action={changeClientPlanAction} submitLabel={t.savePlan} pendingLabel={t.saving}>
      {(state, err) => (
        <>
          <input type="hidden" name="tenantId" value={tenantId} />
          <PlanSelect id="change-plan" plans={plans} value={state.values?.planCode ?? current} label={t.plan} error={err.planCode} />
        </>
      )}
    </ActionForm>
  );
}

export function SuspendForm({ locale, tenantId }: { locale: Locale; tenantId: string }) {
  const t = partnerMessages[locale];
  return (
    <ActionForm action={suspendClientAction} submitLabel={t.suspend} pendingLabel={t.suspending}>
      {(state, err) => (
        <>
          <input type="hidden" name="tenantId" value={tenantId} />
          <Input label={t.suspendReason} name="reason" defaultValue={state.values?.reason} error={err.reason} />
        </>
      )}
    </ActionForm>
  );
}

export function ReactivateForm({ locale, tenantId }: { locale: Locale; tenantId: string }) {
  return <InlineActionForm action={reactivateClientAction} label={partnerMessages[locale].reactivate} variant="primary" hidden={{ tenantId }} />;
}
