'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '../auth/actions.ts';
import { adminCaller } from '../admin/active-tenant.ts';
import { formErrorOf } from '../forms/trpc-errors.ts';
import { commerceSettingsMessages } from '../i18n/messages/commerce-settings.ts';
import { messagesFor } from '../i18n/request-locale.ts';
import { percentToBasisPoints } from './form-values.ts';

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

async function taxCaller() {
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  return caller;
}

/** Adds a rule, or changes the one named by `id`. The rate is typed in % ("7.25") and sent in basis points. */
export async function saveTaxRuleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = field(form, 'id') || undefined;
  const values = { name: field(form, 'name'), country: field(form, 'country'), region: field(form, 'region'), rateBasisPoints: field(form, 'rateBasisPoints'), appliesToShipping: form.get('appliesToShipping') === 'on' ? 'on' : '' };
  const t = await messagesFor(commerceSettingsMessages);
  const rate = percentToBasisPoints(values.rateBasisPoints);
  if (rate === null) return { fieldErrors: { rateBasisPoints: t.badPercent }, values };
  const caller = await taxCaller();
  try {
    await caller.taxRules.upsert({ id, name: values.name, country: values.country, region: values.region || null, rateBasisPoints: rate, appliesToShipping: values.appliesToShipping === 'on' });
  } catch (error) {
    return { ...formErrorOf(error), values };
  }
  revalidatePath('/admin/settings/tax');
  if (id) redirect('/admin/settings/tax');
  return { savedAt: Date.now(), notice: t.saved };
}

export async function deleteTaxRuleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const t = await messagesFor(commerceSettingsMessages);
  const caller = await taxCaller();
  try {
    await caller.taxRules.delete({ id: field(form, 'id') });
  } catch (error) {
    return formErrorOf(error);
  }
  revalidatePath('/admin/settings/tax');
  return { savedAt: Date.now(), notice: t.deleted };
}
