'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '../../../src/auth/actions.ts';
import { formErrorOf } from '../../../src/forms/trpc-errors.ts';
import { partnerMessages } from '../../../src/i18n/messages/partners.ts';
import { messagesFor } from '../../../src/i18n/request-locale.ts';
import { serverCaller } from '../../../src/server/caller.ts';

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** Opens a client's store (errors beside their fields), then shows it. */
export async function createClientAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { name: field(form, 'name'), slug: field(form, 'slug').toLowerCase(), ownerEmail: field(form, 'ownerEmail'), planCode: field(form, 'planCode') };
  let id: string;
  try {
    id = (await (await serverCaller()).partner.clients.create(values)).id;
  } catch (error) {
    return { ...formErrorOf(error), values };
  }
  revalidatePath('/partner');
  redirect(`/partner/clients/${id}`);
}

export async function changeClientPlanAction(_prev: FormState, form: FormData): Promise<FormState> {
  const tenantId = field(form, 'tenantId');
  const planCode = field(form, 'planCode');
  try {
    await (await serverCaller()).partner.clients.changePlan({ tenantId, planCode });
  } catch (error) {
    return { ...formErrorOf(error), values: { planCode } };
  }
  revalidatePath('/partner');
  revalidatePath(`/partner/clients/${tenantId}`);
  return { notice: (await messagesFor(partnerMessages)).planSaved, values: { planCode } };
}

export async function suspendClientAction(_prev: FormState, form: FormData): Promise<FormState> {
  const tenantId = field(form, 'tenantId');
  const reason = field(form, 'reason');
  try {
    await (await serverCaller()).partner.clients.suspend({ tenantId, reason });
  } catch (error) {
    return { ...formErrorOf(error), values: { reason } };
  }
  revalidatePath('/partner');
  revalidatePath(`/partner/clients/${tenantId}`);
  return { savedAt: Date.now() };
}

export async function reactivateClientAction(_prev: FormState, form: FormData): Promise<FormState> {
  const tenantId = field(form, 'tenantId');
  try {
    await (await serverCaller()).partner.clients.reactivate({ tenantId });
  } catch (error) {
    return formErrorOf(error);
  }
  revalidatePath('/partner');
  revalidatePath(`/partner/clients/${tenantId}`);
  return { savedAt: Date.now() };
}
