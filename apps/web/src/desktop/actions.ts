'use server';
import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '../auth/actions.ts';
import { serverCaller } from '../server/caller.ts';

const ACTIVATE_PATH = '/desktop/activate';
const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function messageOf(error: unknown): string {
  if (error instanceof TRPCError) return error.message;
  throw error;
}

/** Approves the desktop sign-in the code names, as the signed-in person; then the page says so. */
export async function approveDesktopAction(_prev: FormState, form: FormData): Promise<FormState> {
  const userCode = field(form, 'userCode');
  let deviceName: string;
  try {
    ({ deviceName } = await (await serverCaller()).desktop.approve({ userCode }));
  } catch (error) {
    return { error: messageOf(error), values: { userCode } };
  }
  revalidatePath(ACTIVATE_PATH);
  redirect(`${ACTIVATE_PATH}?approved=${encodeURIComponent(deviceName)}`);
}

export async function revokeDesktopTokenAction(form: FormData): Promise<void> {
  await (await serverCaller()).desktop.revoke({ tokenId: field(form, 'tokenId') });
  revalidatePath(ACTIVATE_PATH);
}
