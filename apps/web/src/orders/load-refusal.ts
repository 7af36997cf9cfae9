import { TRPCError } from '@trpc/server';
import { formErrorOf } from '../forms/trpc-errors.ts';

/**
 * Like load() for a page, but an invalid input (a filter the router refuses) comes back as the router's own
 * sentence for it, not the raw list of issues. Anything that is not a refusal still throws.
 */
export async function loadOrRefusal<T>(call: () => Promise<T>): Promise<{ data: T; error: null } | { data: null; error: string; code: TRPCError['code'] }> {
  try {
    return { data: await call(), error: null };
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR') throw error;
    const refusal = formErrorOf(error);
    return { data: null, error: refusal.error ?? Object.values(refusal.fieldErrors ?? {})[0] ?? error.message, code: error.code };
  }
}

/**
 * The sentence a refused page shows: the page's own words (in the admin's language) when the member's role lacks
 * the permission, else the router's sentence (a module switched off, a suspended store, a missing order).
 */
export function refusalSentence(refusal: { error: string; code: string }, roleRefused: string): string {
  return refusal.code === 'FORBIDDEN' && refusal.error.startsWith('Your role in this store does not allow') ? roleRefused : refusal.error;
}
