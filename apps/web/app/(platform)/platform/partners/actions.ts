'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '../../../../src/auth/actions.ts';
import { formErrorOf } from '../../../../src/forms/trpc-errors.ts';
import { partnerMessages } from '../../../../src/i18n/messages/partners.ts';
import { messagesFor } from '../../../../src/i18n/request-locale.ts';
import { serverCaller } from '../../../../src/server/caller.ts';

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function partnerOf(form: FormData) {
  return {
    name: field(form, 'name'),
    slug: field(form, 'slug').toLowerCase(),
    productName: field(form, 'productName'),
    logoUrl: field(form, 'logoUrl'),
    primaryColor: field(form, 'primaryColor'),
    accentColor: field(form, 'accentColor'),
    supportEmail: field(form, 'supportEmail'),
    adminDomain: field(form, 'adminDomain'),
    allowedPlanCodes: form.getAll('allowedPlanCodes').map(String),
    defaultPrimaryColor: field(form, 'defaultPrimaryColor'),
    defaultAccentColor: field(form, 'defaultAccentColor'),
  };
}

/** What the form shows again after a refusal (the plans as a comma list, read back by the form). */
const valuesOf = (p: ReturnType<typeof partnerOf>) => ({ ...p, allowedPlanCodes: p.allowedPlanCodes.join(',') });

export async function createPartnerAction(_prev: FormState, form: FormData): Promise<FormState> {
  const partner = partnerOf(form);
  let id: string;
  try {
    id = (await (await serverCaller()).platformPartners.create(partner)).id;
  } catch (error) {
    return { ...formErrorOf(error), values: valuesOf(partner) };
  }
  revalidatePath('/platform/partners');
  redirect(`/platform/partners/${id}`);
}

export async function updatePartnerAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = field(form, 'id');
  const partner = partnerOf(form);
  try {
    await (await serverCaller()).platformPartners.update({ id, ...partner });
  } catch (error) {
    return { ...formErrorOf(error), values: valuesOf(partner) };
  }
  revalidatePath('/platform/partners');
  revalidatePath(`/platform/partners/${id}`);
  return { notice: (await messagesFor(partnerMessages)).saved, values: valuesOf(partner) };
}

export async function addPartnerMemberAction(_prev: FormState, form: FormData): Promise<FormState> {
  const partnerId = field(form, 'partnerId');
  const values = { email: field(form, 'email'), role: field(form, 'role') };
  try {
    await (await serverCaller()).platformPartners.members.add({ partnerId, email: values.email, role: values.role === 'PARTNER_STAFF' ? 'PARTNER_STAFF' : 'PARTNER_ADMIN' });
  } catch (error) {
    return { ...formErrorOf(error), values };
  }
  revalidatePath(`/platform/partners/${partnerId}`);
  return { savedAt: Date.now() };
}

export async function removePartnerMemberAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await (await serverCaller()).platformPartners.members.remove({ memberId: field(form, 'memberId') });
  } catch (error) {
    return formErrorOf(error);
  }
  revalidatePath(`/platform/partners/${field(form, 'partnerId')}`);
  return { savedAt: Date.now() };
}
