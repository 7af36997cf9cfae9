'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '../../../../src/auth/actions.ts';
import { adminCaller } from '../../../../src/admin/active-tenant.ts';
import { formErrorOf } from '../../../../src/forms/trpc-errors.ts';
import { supportMessages } from '../../../../src/i18n/messages/support.ts';
import { messagesFor } from '../../../../src/i18n/request-locale.ts';

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
type Priority = (typeof PRIORITIES)[number];

async function supportCaller() {
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  return caller;
}

/** Opens a ticket, then shows it; empty fields are named beside them in the visitor's language. */
export async function openTicketAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { subject: field(form, 'subject'), body: field(form, 'body'), priority: field(form, 'priority') };
  const t = await messagesFor(supportMessages);
  const fieldErrors: Record<string, string> = {};
  if (!values.subject) fieldErrors.subject = t.subjectMissing;
  if (!values.body) fieldErrors.body = t.messageMissing;
  if (Object.keys(fieldErrors).length) return { fieldErrors, values };
  const priority = (PRIORITIES as readonly string[]).includes(values.priority) ? (values.priority as Priority) : 'NORMAL';
  let ticketId: string;
  try {
    ticketId = (await (await supportCaller()).support.open({ subject: values.subject, body: values.body, priority })).id;
  } catch (error) {
    return { ...formErrorOf(error), values };
  }
  revalidatePath('/admin/support');
  redirect(`/admin/support/${ticketId}`);
}

export async function replyAction(_prev: FormState, form: FormData): Promise<FormState> {
  const ticketId = field(form, 'ticketId');
  const values = { body: field(form, 'body') };
  if (!values.body) return { fieldErrors: { body: (await messagesFor(supportMessages)).messageMissing }, values };
  try {
    await (await supportCaller()).support.reply({ ticketId, body: values.body });
  } catch (error) {
    return { ...formErrorOf(error), values };
  }
  revalidatePath(`/admin/support/${ticketId}`);
  return { savedAt: Date.now() };
}

export async function closeOrReopenAction(_prev: FormState, form: FormData): Promise<FormState> {
  const ticketId = field(form, 'ticketId');
  try {
    const caller = await supportCaller();
    if (field(form, 'intent') === 'reopen') await caller.support.reopen({ ticketId });
    else await caller.support.close({ ticketId });
  } catch (error) {
    return formErrorOf(error);
  }
  revalidatePath(`/admin/support/${ticketId}`);
  return { savedAt: Date.now() };
}
