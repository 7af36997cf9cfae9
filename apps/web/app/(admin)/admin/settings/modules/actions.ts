'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '../../../../../src/auth/actions.ts';
import { adminCaller } from '../../../../../src/admin/active-tenant.ts';
import { formErrorOf } from '../../../../../src/forms/trpc-errors.ts';

const MODULES = ['coupons', 'mercadolivre', 'support'] as const;
type ModuleCode = (typeof MODULES)[number];

/** Switches a module off (or back on) for one staff member; the refusal is shown beside the button. */
export async function setMemberModuleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const module = String(form.get('module') ?? '');
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  try {
    await caller.modules.setMember({
      userId: String(form.get('userId') ?? ''),
      module: (MODULES as readonly string[]).includes(module) ? (module as ModuleCode) : ('' as ModuleCode),
      enabled: form.get('enabled') === 'true',
    });
  } catch (error) {
    return formErrorOf(error);
  }
  revalidatePath('/admin/settings/modules');
  return { savedAt: Date.now() };
}
