'use client';
import { Input } from '@vitrine/ui';
import { ActionForm } from '../../../../src/forms/action-form.tsx';
import { InlineActionForm } from '../../../../src/forms/inline-action-form.tsx';
import type { Locale } from '../../../../src/i18n/locale.ts';
import { partnerMessages } from '../../../../src/i18n/messages/partners.ts';
import { addPartnerMemberAction, createPartnerAction, removePartnerMemberAction, updatePartnerAction } from './actions.ts';

export interface PartnerDraft {
  id?: string;
  name: string;
  slug: string;
  productName: string;
  logoUrl: string;
  primaryColor: string;
  accentColor: string;
  supportEmail: string;
  adminDomain: string;
  allowedPlanCodes: string[];
  defaultPrimaryColor: string;
  defaultAccentColor: string;
}

export const EMPTY_PARTNER: PartnerDraft = {
  name: '', slug: '', productName: '', logoUrl: '', primaryColor: '#2f5bea', accentColor: '#1b1c1f', supportEmail: '',
  adminDomain: '', allowedPlanCodes: [], defaultPrimaryColor: '#2f5bea', defaultAccentColor: '#1b1c1f',
};

/** The partner editor (new when no id): brand, admin domain, allowed plans, new stores' colours; errors beside fields. */
export function PartnerForm({ locale, plans, partner = EMPTY_PARTNER }: { locale: Locale; plans: { code: string; name: string }[]; partner?: PartnerDraft }) {
  const t = partnerMessages[locale];
  const editing = Boolean(partner.id);
  return (
    <ActionForm action={editing ? updatePartnerAction : createPartnerAction} submitLabel={editing ? t.savePartner : t.createPartner} pendingLabel={t.saving}>
      {(state, err) => {
        const v = state.values ?? { ...partner, allowedPlanCodes: partner.allowedPlanCodes.join(',') };
        const allowed = new Set((v.allowedPlanCodes ?? '').split(',').filter(Boolean));
        return (
          <>
            {partner.id ? <input type="hidden" name="id" value={partner.id} /> : null}
            <div className="v-row">
              <Input label={t.partnerName} name="name" defaultValue={v.name} error={err.name} />
              <Input label={t.partnerSlug} name="slug" defaultValue={v.slug} error={err.slug} />
            </div>
            <div className="v-row">
              <Input label={t.productName} name="productName" defaultValue={v.productName} error={err.productName} />
              <Input label={t.supportEmail} name="supportEmail" type="email" defaultValue={v.supportEmail} error={err.supportEmail} />
            </div>
            <Input label={t.logoUrl} name="logoUrl" defaultValue={v.logoUrl} error={err.logoUrl} placeholder="https://" />
            <div className="v-row">
              <Input label={t.primaryColor} name="primaryColor" defaultValue={v.primaryColor} error={err.primaryColor} placeholder="#2f5bea" />
              <Input label={t.accentColor} name="accentColor" defaultValue={v.accentColor} error={err.accentColor} placeholder="#1b1c1f" />
            </div>
            <Input label={t.adminDomain} name="adminDomain" defaultValue={v.adminDomain} error={err.adminDomain} aria-describedby="admin-domain-help" />
            <p id="admin-domain-help" style={{ marginTop: -8, fontSize: '0.85rem' }}>
              {t.adminDomainHelp}
            </p>
            <fieldset className={err.allowedPlanCodes ? 'v-field v-field--invalid' : 'v-field'} style={{ border: 0, padding: 0 }}>
              <legend style={{ fontWeight: 600 }}>{t.allowedPlans}</legend>
              {plans.map((p) => (
                <label key={p.code} htmlFor={`plan-${p.code}`} style={{ display: 'block' }}>
                  <input id={`plan-${p.code}`} type="checkbox" name="allowedPlanCodes" value={p.code} defaultChecked={allowed.has(p.code)} /> {p.name} ({p.code})
                </label>
              ))}
              {err.allowedPlanCodes ? (
                <span className="v-field__error" role="alert">
                  {err.allowedPlanCodes}
                </span>
              ) : null}
            </fieldset>
            <div className="v-row">
              <Input label={t.defaultPrimaryColor} name="defaultPrimaryColor" defaultValue={v.defaultPrimaryColor} error={err.defaultPrimaryColor} />
              <Input label={t.defaultAccentColor} name="defaultAccentColor" defaultValue={v.defaultAccentColor} error={err.defaultAccentColor} />
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}

export function AddMemberForm({ locale, partnerId }: { locale: Locale; partnerId: string }) {
  const t = partnerMessages[locale];
  return (
    <ActionForm action={addPartnerMemberAction} submitLabel={t.addMember} pendingLabel={t.saving}>
      {(state, err) => (
        <div className="v-row">
          <input type="hidden" name="partnerId" value={partnerId} />
          <Input label={t.memberEmail} name="email" type="email" defaultValue={state.values?.email} error={err.email} />
          <div className="v-field">
            <label htmlFor="member-role">{t.memberRole}</label>
            <select id="member-role" name="role" defaultValue={state.values?.role ?? 'PARTNER_ADMIN'}>
              <option value="PARTNER_ADMIN">{t.PARTNER_ADMIN}</option>
              <option value="PARTNER_STAFF">{t.PARTNER_STAFF}</option>
            </select>
          </div>
        </div>
      )}
    </ActionForm>
  );
}

export function RemoveMemberButton({ locale, partnerId, memberId, email }: { locale: Locale; partnerId: string; memberId: string; email: string }) {
  const t = partnerMessages[locale];
  return <InlineActionForm action={removePartnerMemberAction} label={t.removeMember} ariaLabel={t.removeMemberOf(email)} variant="danger" hidden={{ partnerId, memberId }} />;
}
