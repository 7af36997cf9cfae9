import { TRPCError } from '@trpc/server';

/**
 * A refusal from the router as the form shows it: input problems beside their fields (zod issues carry the
 * field's name as their path), any other refusal as one sentence above the form. Unexpected errors throw.
 */
export function formErrorOf(error: unknown): { error?: string; fieldErrors?: Record<string, string> } {
  if (!(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR') throw error;
  const issues = (error.cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined)?.issues;
  if (error.code === 'BAD_REQUEST' && issues?.length) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of issues) fieldErrors[issue.path.filter((p) => typeof p !== 'number').map(String).join('.') || 'form'] ??= issue.message;
    const { form, ...rest } = fieldErrors;
    return { fieldErrors: rest, ...(form ? { error: form } : {}) };
  }
  return { error: error.message };
}
