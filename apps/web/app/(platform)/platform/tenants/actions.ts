'use server';
import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import type { FormState } from '../../../../src/auth/actions.ts';
import { formErrorOf } from '../../../../src/forms/trpc-errors.ts';
import { platformTenantMessages } from '../../../../src/i18n/messages/platform-tenants.ts';
import { messagesFor } from '../../../../src/i18n/request-locale.ts';
import { serverCaller } from '../../../../src/server/caller.ts';

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function revalidateTenant(tenantId: string) {
  revalidatePath('/platform/tenants');
  revalidatePath(`/platform/tenants/${tenantId}`);
}

export async function changeTenantStatusAction(_prev: FormState, form: FormData): Promise<FormState> {
  const tenantId = field(form, 'tenantId');
  const reason = field(form, 'reason');
  try {
    const caller = await serverCaller();
    if (form.get('intent') === 'suspend') await caller.platform.tenants.suspend({ tenantId, reason });
    else await caller.platform.tenants.reactivate({ tenantId, note: reason || undefined });
  } catch (error) {
    if (error instanceof TRPCError) return { error: error.message, values: { reason } };
    throw error;
  }
  revalidateTenant(tenantId);
  return {};
}

export async function changePlanAction(_prev: FormState, form: FormData): Promise<FormState> {
  const tenantId = field(form, 'tenantId');
  const values = { planCode: field(form, 'planCode'), reason: field(form, 'reason') };
  try {
    await (await serverCaller()).platform.tenants.changePlan({ tenantId, ...values });
  } catch (error) {
    return { ...formErrorOf(error), values };
  }
  revalidateTenant(tenantId);
  return { notice: (await messagesFor(platformTenantMessages)).planChanged, savedAt: Date.now() };
}

export async function extendTrialAction(_prev: FormState, form: FormData): Promise<FormState> {
  const tenantId = field(form, 'tenantId');
  const values = { days: field(form, 'days'), reason: field(form, 'reason') };
  try {
    await (await serverCaller()).platform.tenants.extendTrial({ tenantId, days: Number(values.days || 'NaN'), reason: values.reason });
  } catch (error) {
    return { ...formErrorOf(error), values };
  }
  revalidateTenant(tenantId);
  return { notice: (await messagesFor(platformTenantMessages)).trialExtended, savedAt: Date.now() };
}
