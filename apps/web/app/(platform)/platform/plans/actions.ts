'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '../../../../src/auth/actions.ts';
import { formErrorOf } from '../../../../src/forms/trpc-errors.ts';
import { platformCatalogueMessages } from '../../../../src/i18n/messages/platform-catalogue.ts';
import { messagesFor } from '../../../../src/i18n/request-locale.ts';
import { serverCaller } from '../../../../src/server/caller.ts';
import { LIMIT_FIELDS, MODULE_FIELDS } from './fields.ts';

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
/** Empty: null (no limit / not offered); anything else must be a number (the router says which field is wrong). */
const numberOrNull = (value: string) => (value === '' ? null : Number(value));

function planOf(form: FormData) {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string' && !key.startsWith('$')) values[key] = value.trim();
  const plan = {
    code: field(form, 'code'),
    name: field(form, 'name'),
    limits: Object.fromEntries(LIMIT_FIELDS.map((k) => [k, numberOrNull(field(form, `limits.${k}`))])) as Record<(typeof LIMIT_FIELDS)[number], number | null>,
    priceAmount: Number(field(form, 'priceAmount') || NaN),
    currency: field(form, 'currency').toUpperCase(),
    trialDays: Number(field(form, 'trialDays') || NaN),
    rank: numberOrNull(field(form, 'rank')),
    modules: MODULE_FIELDS.filter((m) => form.get(`module.${m}`) === 'on'),
  };
  return { plan, values };
}

export async function createPlanAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { plan, values } = planOf(form);
  try {
    await (await serverCaller()).platformPlans.create(plan);
  } catch (error) {
    return { ...formErrorOf(error), values };
  }
  revalidatePath('/platform/plans');
  redirect(`/platform/plans/${encodeURIComponent(plan.code.toLowerCase())}`);
}

export async function updatePlanAction(_prev: FormState, form: FormData): Promise<FormState> {
  const { plan, values } = planOf(form);
  try {
    await (await serverCaller()).platformPlans.update(plan);
  } catch (error) {
    return { ...formErrorOf(error), values };
  }
  revalidatePath('/platform/plans');
  revalidatePath(`/platform/plans/${encodeURIComponent(plan.code)}`);
  return { notice: (await messagesFor(platformCatalogueMessages)).saved, values };
}

export async function retirePlanAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await (await serverCaller()).platformPlans.retire({ code: field(form, 'code') });
  } catch (error) {
    return formErrorOf(error);
  }
  revalidatePath('/platform/plans');
  redirect('/platform/plans');
}
