import type { Resource, ResourceItem } from '../store/types.ts';

/**
 * How the app talks to the platform: the change feed and sending an answer. Two implementations share one
 * shape: over an in-process tRPC caller (`caller.mercadolivre.changes(input)`, tests) and over the HTTP client
 * (`client.mercadolivre.changes.query(input)`, the app). Both map their failures to the errors below.
 */
export interface ChangesPage<R extends Resource = Resource> {
  items: ResourceItem[R][];
  nextCursor: string | null;
  hasMore: boolean;
}

export interface AnswerInput {
  questionId: string;
  text: string;
  idempotencyKey: string;
}

export interface AnswerResult {
  answerId: string;
  status: string;
}

export interface Transport {
  changes<R extends Resource>(resource: R, cursor: string | null, limit: number): Promise<ChangesPage<R>>;
  answer(input: AnswerInput): Promise<AnswerResult>;
}

/** The platform could not be reached: nothing was decided, try again later. */
export class OfflineError extends Error {
  override readonly name = 'OfflineError';
  constructor(message = 'The platform cannot be reached right now. Your changes are kept on this computer.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The platform refused the answer for good (CONFLICT): the question was answered elsewhere, closed or deleted. */
export class AnswerConflictError extends Error {
  override readonly name = 'AnswerConflictError';
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

type ErrorLike = { name?: unknown; code?: unknown; message?: unknown; cause?: unknown; data?: unknown };

function isNetworkFailure(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as ErrorLike;
  if (error instanceof OfflineError) return true;
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  // fetch() rejects with TypeError('fetch failed') (undici) or 'Failed to fetch' (browsers), the reason in `cause`.
  if (e.name === 'TypeError' && typeof e.message === 'string' && /fetch/i.test(e.message)) return true;
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return true;
  // The HTTP client's error without a server answer (no `data`): the request never got one.
  if (e.name === 'TRPCClientError' && (e.data === undefined || e.data === null)) return true;
  return isNetworkFailure(e.cause, depth + 1);
}

/** The tRPC code of a server answer: TRPCError (in process) has `code`, TRPCClientError (HTTP) has `data.code`. */
function trpcCode(error: unknown): string | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as ErrorLike;
  if (e.name === 'TRPCError' && typeof e.code === 'string') return e.code;
  if (e.data && typeof e.data === 'object' && typeof (e.data as { code?: unknown }).code === 'string') return (e.data as { code: string }).code;
  return null;
}

/** A failure as the app handles it: OfflineError, AnswerConflictError, or the error itself. */
export function classifyError(error: unknown): unknown {
  if (error instanceof OfflineError || error instanceof AnswerConflictError) return error;
  if (trpcCode(error) === 'CONFLICT') return new AnswerConflictError((error as Error).message, { cause: error });
  if (trpcCode(error) === null && isNetworkFailure(error)) return new OfflineError(undefined, { cause: error });
  return error;
}

async function mapped<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw classifyError(error);
  }
}

interface ChangesResult {
  items: unknown[];
  nextCursor: string | null;
  hasMore: boolean;
}
type ChangesCall = (input: { resource: Resource; cursor?: string; limit: number }) => Promise<ChangesResult>;
type AnswerCall = (input: AnswerInput) => Promise<AnswerResult>;

function fromCalls(changes: ChangesCall, answer: AnswerCall): Transport {
  return {
    changes: <R extends Resource>(resource: R, cursor: string | null, limit: number) =>
      mapped(async () => {
        const page = await changes({ resource, limit, ...(cursor ? { cursor } : {}) });
        return { items: page.items as ResourceItem[R][], nextCursor: page.nextCursor, hasMore: page.hasMore };
      }),
    answer: (input) => mapped(() => answer(input)),
  };
}

/** Over a server-side caller of the router (`createCaller(ctx)`), e.g. the API harness's bearerCaller. */
export function callerTransport(caller: { mercadolivre: { changes: ChangesCall; answer: AnswerCall } }): Transport {
  return fromCalls((input) => caller.mercadolivre.changes(input), (input) => caller.mercadolivre.answer(input));
}

/** Over the HTTP client (`createTRPCClient<AppRouter>(…)`). */
export function clientTransport(client: { mercadolivre: { changes: { query: ChangesCall }; answer: { mutate: AnswerCall } } }): Transport {
  return fromCalls((input) => client.mercadolivre.changes.query(input), (input) => client.mercadolivre.answer.mutate(input));
}
