'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '../auth/actions.ts';
import { adminCaller } from '../admin/active-tenant.ts';
import { formErrorOf } from '../forms/trpc-errors.ts';

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const intervalOf = (form: FormData) => (field(form, 'interval') === 'year' ? 'year' : 'month');

async function billingCaller() {
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  return caller;
}

async function run(call: () => Promise<unknown>): Promise<FormState> {
  try {
    await call();
  } catch (error) {
    return formErrorOf(error);
  }
  revalidatePath('/admin', 'layout');
  return { savedAt: Date.now() };
}

/** Subscribes to the chosen plan, or moves the live subscription to it (prorated). */
export async function choosePlanAction(_prev: FormState, form: FormData): Promise<FormState> {
  const caller = await billingCaller();
  const input = { planCode: field(form, 'planCode'), interval: intervalOf(form) } as const;
  return run(() => (field(form, 'mode') === 'change' ? caller.billing.changePlan(input) : caller.billing.subscribe(input)));
}

export async function cancelAction(): Promise<FormState> {
  const caller = await billingCaller();
  return run(() => caller.billing.cancel());
}

export async function resumeAction(): Promise<FormState> {
  const caller = await billingCaller();
  return run(() => caller.billing.resume());
}

/** Opens the Stripe billing portal (card, open invoices); it returns to /admin/billing. */
export async function portalAction(): Promise<FormState> {
  const caller = await billingCaller();
  let url: string;
  try {
    url = (await caller.billing.portal()).url;
  } catch (error) {
    return formErrorOf(error);
  }
  redirect(url);
}
