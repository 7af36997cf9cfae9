import { TRPCError } from '@trpc/server';

/**
 * A BAD_REQUEST found after input validation (a taken code, a theme no longer offered) that a form shows beside its
 * field: the cause carries zod-shaped issues with the field's name as path (what formErrorOf reads).
 */
export function fieldError(field: string, message: string): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message, cause: Object.assign(new Error(message), { issues: [{ path: [field], message }] }) });
}
