import { TRPCError } from '@trpc/server';

/**
 * Runs a router call for a page; a refusal the seller should read (no permission, not found, bad filter)
 * comes back as its sentence instead of the error page. Anything else is a bug and still throws.
 */
export async function load<T>(call: () => Promise<T>): Promise<{ data: T; error: null } | { data: null; error: string; code: TRPCError['code'] }> {
  try {
    return { data: await call(), error: null };
  } catch (error) {
    if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') return { data: null, error: error.message, code: error.code };
    throw error;
  }
}
