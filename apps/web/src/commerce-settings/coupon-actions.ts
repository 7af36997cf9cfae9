'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '../auth/actions.ts';
import { adminCaller } from '../admin/active-tenant.ts';
import { formErrorOf } from '../forms/trpc-errors.ts';
import { couponsMessages } from '../i18n/messages/coupons.ts';
import { messagesFor } from '../i18n/request-locale.ts';
import { couponTermsOf } from './form-values.ts';

const FIELDS = ['code', 'kind', 'value', 'minimumOrderAmount', 'startsAt', 'expiresAt', 'maxUses', 'maxUsesPerBuyer'] as const;

function valuesOf(form: FormData): Record<string, string> {
  return Object.fromEntries(FIELDS.map((name) => [name, String(form.get(name) ?? '').trim()]));
}

async function store() {
  const { active, caller } = await adminCaller();
  if (!active || !caller) redirect('/admin');
  return { caller, currency: active.currency };
}

async function saved(call: () => Promise<unknown>, values: Record<string, string>, notice: string, keepValues: boolean): Promise<FormState> {
  try {
    await call();
  } catch (error) {
    return { ...formErrorOf(error), values };
  }
  revalidatePath('/admin/coupons', 'layout');
  return keepValues ? { notice, values } : { savedAt: Date.now(), notice };
}

export async function createCouponAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = valuesOf(form);
  const t = await messagesFor(couponsMessages);
  const { caller, currency } = await store();
  const read = couponTermsOf(values, currency, t);
  if ('fieldErrors' in read) return { fieldErrors: read.fieldErrors, values };
  return saved(() => caller.coupons.create({ code: values.code ?? '', ...read.terms }), values, t.created, false);
}

/** Every term again (the code stays: orders name it). */
export async function updateCouponAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = String(form.get('id') ?? '');
  const values = valuesOf(form);
  const t = await messagesFor(couponsMessages);
  const { caller, currency } = await store();
  const read = couponTermsOf(values, currency, t);
  if ('fieldErrors' in read) return { fieldErrors: read.fieldErrors, values };
  return saved(() => caller.coupons.update({ id, ...read.terms }), values, t.saved, true);
}

export async function switchCouponAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = String(form.get('id') ?? '');
  const on = form.get('on') === 'true';
  const t = await messagesFor(couponsMessages);
  const { caller } = await store();
  return saved(() => (on ? caller.coupons.update({ id, active: true }) : caller.coupons.deactivate({ id })), {}, on ? t.switchedOn : t.switchedOff, false);
}
