'use server';
import { revalidatePath } from 'next/cache';
import type { FormState } from '../../../../src/auth/actions.ts';
import { formErrorOf } from '../../../../src/forms/trpc-errors.ts';
import { serverCaller } from '../../../../src/server/caller.ts';

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

async function run(ticketId: string, call: () => Promise<unknown>, values?: Record<string, string>): Promise<FormState> {
  try {
    await call();
  } catch (error) {
    return { ...formErrorOf(error), values };
  }
  revalidatePath(`/platform/support/${ticketId}`);
  return { savedAt: Date.now() };
}

export async function staffReplyAction(_prev: FormState, form: FormData): Promise<FormState> {
  const ticketId = field(form, 'ticketId');
  const values = { body: field(form, 'body') };
  if (!values.body) return { fieldErrors: { body: 'Write a reply' }, values };
  const caller = await serverCaller();
  return run(ticketId, () => caller.platformSupport.reply({ ticketId, body: values.body }), values);
}

export async function assignAction(_prev: FormState, form: FormData): Promise<FormState> {
  const ticketId = field(form, 'ticketId');
  const assignee = field(form, 'assignee') === 'nobody' ? 'nobody' : 'me';
  const caller = await serverCaller();
  return run(ticketId, () => caller.platformSupport.assign({ ticketId, assignee }));
}

export async function statusAction(_prev: FormState, form: FormData): Promise<FormState> {
  const ticketId = field(form, 'ticketId');
  const caller = await serverCaller();
  // The router validates the status (an unknown one is refused with a sentence).
  return run(ticketId, () => caller.platformSupport.setStatus({ ticketId, status: field(form, 'status') as 'OPEN' }));
}

export async function priorityAction(_prev: FormState, form: FormData): Promise<FormState> {
  const ticketId = field(form, 'ticketId');
  const caller = await serverCaller();
  return run(ticketId, () => caller.platformSupport.setPriority({ ticketId, priority: field(form, 'priority') as 'NORMAL' }));
}
