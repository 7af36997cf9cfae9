'use server';
import { revalidatePath } from 'next/cache';
import type { FormState } from '../../../../src/auth/actions.ts';
import { formErrorOf } from '../../../../src/forms/trpc-errors.ts';
import { modulesMessages } from '../../../../src/i18n/messages/modules.ts';
import { messagesFor } from '../../../../src/i18n/request-locale.ts';
import { serverCaller } from '../../../../src/server/caller.ts';

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
type ModuleCode = 'coupons' | 'mercadolivre' | 'support';
type State = 'on' | 'off' | 'plan';

/** Platform staff's override of one module for one store (errors beside the reason). */
export async function setTenantModuleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { state: field(form, 'state'), reason: field(form, 'reason') };
  try {
    await (await serverCaller()).modules.platform.set({
      tenantId: field(form, 'tenantId'),
      module: field(form, 'module') as ModuleCode,
      state: values.state as State,
      reason: values.reason,
    });
  } catch (error) {
    return { ...formErrorOf(error), values };
  }
  revalidatePath('/platform/modules');
  return { notice: (await messagesFor(modulesMessages)).saved, values: { state: values.state, reason: '' } };
}
