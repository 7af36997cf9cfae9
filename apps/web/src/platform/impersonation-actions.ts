'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import type { FormState } from '../auth/actions.ts';
import { formErrorOf } from '../forms/trpc-errors.ts';
import { serverCaller } from '../server/caller.ts';
import { IMPERSONATION_COOKIE, TENANT_COOKIE } from '../server/request.ts';

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** Starts an impersonation (platform.impersonation.start) and opens the store's admin under it. */
export async function startImpersonationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { reason: field(form, 'reason'), mode: field(form, 'mode'), minutes: field(form, 'minutes') };
  const tenantId = field(form, 'tenantId');
  let grant: { id: string; expiresAt: Date };
  try {
    grant = await (await serverCaller()).platform.impersonation.start({
      tenantId,
      reason: values.reason,
      mode: values.mode === 'FULL' ? 'FULL' : 'READ_ONLY',
      minutes: Number(values.minutes),
    });
  } catch (error) {
    return { ...formErrorOf(error), values };
  }
  const jar = await cookies();
  const options = { httpOnly: true, sameSite: 'lax' as const, path: '/', expires: grant.expiresAt };
  jar.set(IMPERSONATION_COOKIE, grant.id, options);
  jar.set(TENANT_COOKIE, tenantId, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 24 * 3600 });
  redirect('/admin');
}

/** "Leave": ends the grant (audited) and drops the cookies; back to the store's platform page. */
export async function leaveImpersonationAction(form: FormData): Promise<void> {
  const jar = await cookies();
  const grantId = jar.get(IMPERSONATION_COOKIE)?.value;
  const tenantId = field(form, 'tenantId');
  if (grantId) await (await serverCaller()).platform.impersonation.end({ grantId }).catch(() => undefined);
  jar.delete(IMPERSONATION_COOKIE);
  jar.delete(TENANT_COOKIE);
  redirect(tenantId ? `/platform/tenants/${encodeURIComponent(tenantId)}` : '/platform/tenants');
}
