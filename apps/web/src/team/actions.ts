'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { FINE_PERMISSIONS, invitationRefusalOf, type FinePermission } from '@vitrine/api';
import type { FormState } from '../auth/actions.ts';
import { invitationRefusalCode } from '../auth/form-errors.ts';
import { authErrorMessages } from '../i18n/messages/auth-errors.ts';
import { messagesFor } from '../i18n/request-locale.ts';
import { adminCaller } from '../admin/active-tenant.ts';
import { rememberTenant } from '../admin/actions.ts';
import { serverCaller } from '../server/caller.ts';
import { formErrorOf } from '../forms/trpc-errors.ts';

type Role = 'OWNER' | 'ADMIN' | 'STAFF';
const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const roleOf = (form: FormData) => field(form, 'role') as Role;
const permissionsOf = (form: FormData) =>
  form.getAll('permissions').map(String).filter((p): p is FinePermission => (FINE_PERMISSIONS as readonly string[]).includes(p));

async function teamCaller() {
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  return caller;
}

async function run(call: () => Promise<unknown>, values?: Record<string, string>): Promise<FormState> {
  try {
    await call();
  } catch (error) {
    return { ...formErrorOf(error), values };
  }
  revalidatePath('/admin/team');
  return { savedAt: Date.now() };
}

export async function inviteAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { email: field(form, 'email'), role: field(form, 'role') };
  if (!values.email) return { fieldErrors: { email: 'Enter the email address of the person to invite' }, values };
  const caller = await teamCaller();
  return run(() => caller.team.invite({ email: values.email, role: roleOf(form), permissions: permissionsOf(form) }), values);
}

export async function changeMemberAction(_prev: FormState, form: FormData): Promise<FormState> {
  const caller = await teamCaller();
  return run(() => caller.team.change({ membershipId: field(form, 'membershipId'), role: roleOf(form), permissions: permissionsOf(form) }));
}

export async function removeMemberAction(_prev: FormState, form: FormData): Promise<FormState> {
  const caller = await teamCaller();
  return run(() => caller.team.remove({ membershipId: field(form, 'membershipId') }));
}

export async function resendInvitationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const caller = await teamCaller();
  return run(() => caller.team.resend({ invitationId: field(form, 'invitationId') }));
}

export async function revokeInvitationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const caller = await teamCaller();
  return run(() => caller.team.revoke({ invitationId: field(form, 'invitationId') }));
}

export async function leaveStoreAction(_prev: FormState): Promise<FormState> {
  const caller = await teamCaller();
  const result = await run(() => caller.team.leave());
  if (result.error) return result;
  redirect('/admin');
}

/** Accepts an invitation as the signed-in person, then opens the store it leads to. */
export async function acceptInvitationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const token = field(form, 'token');
  let tenantId: string;
  try {
    tenantId = (await (await serverCaller()).team.invitation.accept({ token })).tenantId;
  } catch (error) {
    const refusal = invitationRefusalOf(error);
    if (refusal) return { error: (await messagesFor(authErrorMessages))[invitationRefusalCode(refusal)] };
    return formErrorOf(error);
  }
  await rememberTenant(tenantId);
  redirect('/admin');
}
