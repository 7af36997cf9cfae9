'use server';
import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import type { FormState } from '../../../../src/auth/actions.ts';
import { serverCaller } from '../../../../src/server/caller.ts';

export async function changeTenantStatusAction(_prev: FormState, form: FormData): Promise<FormState> {
  const tenantId = String(form.get('tenantId') ?? '');
  const reason = String(form.get('reason') ?? '').trim();
  try {
    const caller = await serverCaller();
    if (form.get('intent') === 'suspend') await caller.platform.tenants.suspend({ tenantId, reason });
    else await caller.platform.tenants.reactivate({ tenantId, note: reason || undefined });
  } catch (error) {
    if (error instanceof TRPCError) return { error: error.message, values: { reason } };
    throw error;
  }
  revalidatePath('/platform/tenants');
  return {};
}
