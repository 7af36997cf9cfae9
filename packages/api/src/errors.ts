import { TRPCError } from '@trpc/server';
import { Prisma } from '@vitrine/db';

/**
 * Why a store cannot be shown. tRPC's codes have no 410, so the web app maps `httpStatus` itself:
 *
 * | reason              | httpStatus | TRPCError code    | message                                   |
 * | ------------------- | ---------- | ----------------- | ----------------------------------------- |
 * | TENANT_NOT_FOUND    | 404        | NOT_FOUND         | There is no store at this address.        |
 * | STORE_UNPUBLISHED   | 404        | NOT_FOUND         | This store is not published yet.          |
 * | TENANT_SUSPENDED    | 403        | FORBIDDEN         | This store is suspended.                  |
 * | TENANT_CANCELLED    | 410        | NOT_FOUND         | This store has closed.                    |
 * | TENANT_UNPAID       | 402        | PAYMENT_REQUIRED  | This store is unavailable until its subscription is paid. |
 *
 * Over HTTP the error shape carries `data.tenantAccess = { reason, httpStatus }` (see error-formatter.ts).
 */
export const TENANT_ACCESS = {
  TENANT_NOT_FOUND: { httpStatus: 404, code: 'NOT_FOUND', message: 'There is no store at this address.' },
  STORE_UNPUBLISHED: { httpStatus: 404, code: 'NOT_FOUND', message: 'This store is not published yet.' },
  TENANT_SUSPENDED: { httpStatus: 403, code: 'FORBIDDEN', message: 'This store is suspended.' },
  TENANT_CANCELLED: { httpStatus: 410, code: 'NOT_FOUND', message: 'This store has closed.' },
  TENANT_UNPAID: {
    httpStatus: 402,
    code: 'PAYMENT_REQUIRED',
    message: 'This store is unavailable until its subscription is paid.',
  },
} as const satisfies Record<string, { httpStatus: number; code: TRPCError['code']; message: string }>;

export type TenantAccessReason = keyof typeof TENANT_ACCESS;

export class TenantAccessError extends Error {
  override name = 'TenantAccessError';
  readonly httpStatus: number;
  constructor(
    readonly reason: TenantAccessReason,
    readonly host?: string,
  ) {
    super(TENANT_ACCESS[reason].message);
    this.httpStatus = TENANT_ACCESS[reason].httpStatus;
  }

  toTRPCError(): TRPCError {
    return new TRPCError({ code: TENANT_ACCESS[this.reason].code, message: this.message, cause: this });
  }
}

/** The TenantAccessError behind a TRPCError, if any (for the web app's status mapping). */
export function tenantAccessOf(error: unknown): TenantAccessError | undefined {
  if (error instanceof TenantAccessError) return error;
  if (error instanceof TRPCError && error.cause instanceof TenantAccessError) return error.cause;
  return undefined;
}

/**
 * Why a request was refused, in words a program reads: a code and the values its sentence names. The message stays
 * the English sentence; a client that speaks another language (the storefront) says the same from this. Over HTTP it
 * is `error.data.reason` (see the errorFormatter in trpc.ts); called in-process, `refusalReasonOf(error)`.
 */
export interface RefusalReason {
  code: string;
  params: Readonly<Record<string, string | number | boolean>>;
}

/** The cause a refusal carries its reason in (no message of its own reaches anyone). */
export class RefusalCause extends Error {
  override readonly name = 'RefusalCause';
  constructor(readonly reason: RefusalReason) {
    super(`Refused: ${reason.code}`);
  }
}

const refusal = (code: TRPCError['code'], message: string, reason?: RefusalReason | null) =>
  new TRPCError({ code, message, ...(reason ? { cause: new RefusalCause(reason) } : {}) });

/** The reason a refusal carries, if it carries one. */
export function refusalReasonOf(error: unknown): RefusalReason | undefined {
  return error instanceof TRPCError && error.cause instanceof RefusalCause ? error.cause.reason : undefined;
}

/** The error shape with the refusal's reason added to its data (`data.reason`), for callers over HTTP. */
export function withRefusalReason<S extends { data: object }>(shape: S, error: unknown): S & { data: { reason?: RefusalReason } } {
  const reason = refusalReasonOf(error);
  return reason ? { ...shape, data: { ...shape.data, reason } } : shape;
}

export const notFound = (message: string, reason?: RefusalReason | null) => refusal('NOT_FOUND', message, reason);
export const conflict = (message: string, reason?: RefusalReason | null) => refusal('CONFLICT', message, reason);
export const badRequest = (message: string, reason?: RefusalReason | null) => refusal('BAD_REQUEST', message, reason);
export const forbidden = (message: string) => new TRPCError({ code: 'FORBIDDEN', message });

/** True for a unique-constraint violation (Prisma P2002), optionally on a given column. */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return false;
  if (!field) return true;
  return JSON.stringify(error.meta ?? {}).includes(field);
}

/** True for a foreign-key violation (Prisma P2003). */
export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003';
}

/** A TRPCError with any code, for the rarer answers (PRECONDITION_FAILED, …). */
export function TRPCErrorWith(code: TRPCError['code'], message: string): TRPCError {
  return new TRPCError({ code, message });
}

/**
 * For the fetch adapter's `responseMeta`: answers a store-access error with its own HTTP status (410 for a
 * cancelled store, which has no tRPC code). `fetchRequestHandler({ ..., responseMeta: tenantAccessResponseMeta })`
 */
export function tenantAccessResponseMeta({ errors }: { errors: readonly unknown[] }): { status?: number } {
  for (const error of errors) {
    const access = tenantAccessOf(error);
    if (access) return { status: access.httpStatus };
  }
  return {};
}
