import { cache } from 'react';
import { TRPCError } from '@trpc/server';
import { adminCaller } from '../admin/active-tenant.ts';

export type MyModule = { code: string; name: string; storeEnabled: boolean; storeOverridden: boolean; switchedOffForMe: boolean; enabled: boolean };

/**
 * The modules of the signed-in member in the active store, once per request (the admin bar and a module's pages
 * both ask). Null when there is no active store or the person is not a member (the pages answer that themselves).
 */
export const myModules = cache(async (): Promise<Map<string, MyModule> | null> => {
  const { caller } = await adminCaller();
  if (!caller) return null;
  try {
    return new Map((await caller.modules.mine()).map((m) => [m.code, m]));
  } catch (error) {
    if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') return null;
    throw error;
  }
});
