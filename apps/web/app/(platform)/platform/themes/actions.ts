'use server';
import { revalidatePath } from 'next/cache';
import type { FormState } from '../../../../src/auth/actions.ts';
import { formErrorOf } from '../../../../src/forms/trpc-errors.ts';
import { serverCaller } from '../../../../src/server/caller.ts';

type Theme = 'classic' | 'boutique' | 'market';

export async function setThemeAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await (await serverCaller()).platformThemes.setEnabled({ code: String(form.get('code') ?? '') as Theme, enabled: form.get('enabled') === 'true' });
  } catch (error) {
    return formErrorOf(error);
  }
  revalidatePath('/platform/themes');
  return { savedAt: Date.now() };
}
