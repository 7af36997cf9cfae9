import type { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { z } from 'zod';
import { tenantAccessOf, type TenantAccessReason } from './errors.ts';
import { RateLimitCause } from './lib/desktop-rate.ts';
import { planLimitOf, type LimitReached } from './plans/enforce.ts';

/** What the client sees in `error.data`, beyond tRPC's own fields. */
export interface ErrorData {
  code: TRPC_ERROR_CODE_KEY;
  httpStatus: number;
  path?: string;
  requestId?: string;
  /** Field path → messages, for invalid input. */
  fieldErrors?: Record<string, string[]>;
  /** Present when a store cannot be shown; the web app answers with `httpStatus` (402, 403, 404, 410). */
  tenantAccess?: { reason: TenantAccessReason; httpStatus: number };
  /** With TOO_MANY_REQUESTS: how long to wait before trying again. */
  retryAfterMs?: number;
  /** With FORBIDDEN when an action would go past the store's plan: which limit, its use and the plan that lifts it. */
  limit?: LimitReached;
}

interface Shape {
  message: string;
  code: number;
  data: { code: TRPC_ERROR_CODE_KEY; httpStatus: number; path?: string; stack?: string };
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '(input)';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** "name: Must be at least 2 characters; slug: Use lowercase letters, digits and hyphens" */
export function describeZodError(error: z.ZodError): string {
  const parts = Object.entries(fieldErrorsOf(error)).map(([field, messages]) =>
    field === '(input)' ? messages.join(', ') : `${field}: ${messages.join(', ')}`,
  );
  return `Please check the form: ${parts.join('; ')}`;
}

/**
 * Shapes every error leaving the router: unexpected errors become a generic sentence with the request id
 * (no message, stack or cause leaks); invalid input becomes BAD_REQUEST with readable field messages.
 */
export function formatError({
  shape,
  error,
  requestId,
}: {
  shape: Shape;
  error: TRPCError;
  requestId: string | undefined;
}): { message: string; code: number; data: ErrorData } {
  const { stack: _stack, ...base } = shape.data;
  const data: ErrorData = { ...base, requestId };

  if (error.cause instanceof z.ZodError) {
    return {
      ...shape,
      message: describeZodError(error.cause),
      data: { ...data, code: 'BAD_REQUEST', httpStatus: 400, fieldErrors: fieldErrorsOf(error.cause) },
    };
  }
  const access = tenantAccessOf(error);
  if (access) {
    return { ...shape, message: access.message, data: { ...data, tenantAccess: { reason: access.reason, httpStatus: access.httpStatus } } };
  }
  if (error.cause instanceof RateLimitCause) return { ...shape, data: { ...data, retryAfterMs: error.cause.retryAfterMs } };
  const limit = planLimitOf(error);
  if (limit) return { ...shape, data: { ...data, limit } };
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    const reference = requestId ? ` (reference ${requestId})` : '';
    return { ...shape, message: `Something went wrong on our side. Please try again${reference}.`, data };
  }
  return { ...shape, data };
}
