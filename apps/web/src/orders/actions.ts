'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '../auth/actions.ts';
import { adminCaller } from '../admin/active-tenant.ts';
import { parsePriceToMinor } from '../admin/money-input.ts';
import { formErrorOf } from '../forms/trpc-errors.ts';
import { ordersMessages } from '../i18n/messages/orders.ts';
import { messagesFor } from '../i18n/request-locale.ts';

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

async function ordersCaller() {
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  return caller;
}

/** Runs one move of an order; its refusal comes back beside the fields or above them, its success as a notice. */
async function run(id: string, call: () => Promise<unknown>, notice: string, values: Record<string, string> = {}): Promise<FormState> {
  try {
    await call();
  } catch (error) {
    return { ...formErrorOf(error), values };
  }
  revalidatePath(`/admin/orders/${id}`);
  revalidatePath('/admin/orders');
  return { savedAt: Date.now(), notice };
}

export async function shipOrderAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = field(form, 'id');
  const values = { carrier: field(form, 'carrier'), trackingNumber: field(form, 'trackingNumber') };
  const caller = await ordersCaller();
  const t = await messagesFor(ordersMessages);
  return run(id, () => caller.orders.markShipped({ id, ...values }), t.shipDone, values);
}

export async function deliverOrderAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = field(form, 'id');
  const caller = await ordersCaller();
  const t = await messagesFor(ordersMessages);
  return run(id, () => caller.orders.markDelivered({ id }), t.deliverDone);
}

export async function cancelOrderAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = field(form, 'id');
  const values = { reason: field(form, 'reason') };
  const caller = await ordersCaller();
  const t = await messagesFor(ordersMessages);
  return run(id, () => caller.orders.cancel({ id, reason: values.reason || undefined }), t.cancelDone, values);
}

/** The amount is typed in the currency's major unit ("12.50"); empty refunds all that is left. */
export async function refundOrderAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = field(form, 'id');
  const values = { amount: field(form, 'amount') };
  const t = await messagesFor(ordersMessages);
  let amount: number | undefined;
  if (values.amount) {
    const minor = parsePriceToMinor(values.amount, field(form, 'currency') || 'USD');
    if (minor === null || minor <= 0) return { fieldErrors: { amount: t.badAmount }, values };
    amount = minor;
  }
  const caller = await ordersCaller();
  return run(id, () => caller.orders.refund({ id, amount }), t.refundDone, values);
}
