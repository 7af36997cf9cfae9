import { setTimeout as sleep } from 'node:timers/promises';
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

/** The platform no longer accepts this computer's token (revoked, or unknown): sign in again. */
export class SignedOutError extends Error {
  override readonly name = 'SignedOutError';
}

/** The platform asked this app to slow down (TOO_MANY_REQUESTS) more times in a row than the transport waits for. */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';
  constructor(
    message: string,
    readonly retryAfterMs: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
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

/** How long the server asked to wait (error data `retryAfterMs`), else one second. */
function retryAfterOf(error: unknown): number {
  const data = (error as ErrorLike).data as { retryAfterMs?: unknown } | undefined;
  const ms = typeof data?.retryAfterMs === 'number' ? data.retryAfterMs : 1000;
  return Math.min(Math.max(ms, 50), 60_000);
}

/** A failure as the app handles it: one of the errors above, or the error itself. */
export function classifyError(error: unknown): unknown {
  if (error instanceof OfflineError || error instanceof AnswerConflictError || error instanceof SignedOutError || error instanceof RateLimitedError) return error;
  const code = trpcCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'CONFLICT') return new AnswerConflictError(message, { cause: error });
  if (code === 'UNAUTHORIZED') return new SignedOutError(message, { cause: error });
  if (code === 'TOO_MANY_REQUESTS') return new RateLimitedError(message, retryAfterOf(error), { cause: error });
  if (code === null && isNetworkFailure(error)) return new OfflineError(undefined, { cause: error });
  return error;
}

/** Slowed down this many times in a row, a call gives up with RateLimitedError (the caller retries later). */
const RATE_LIMIT_RETRIES = 20;

async function mapped<T>(call: () => Promise<T>, wait: (ms: number) => Promise<void>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const failure = classifyError(error);
      if (failure instanceof RateLimitedError && attempt < RATE_LIMIT_RETRIES) {
        await wait(failure.retryAfterMs);
        continue;
      }
      throw failure;
    }
  }
}

interface ChangesResult {
  items: unknown[];
  nextCursor: string | null;
  hasMore: boolean;
}
type ChangesCall = (input: { resource: Resource; cursor?: string; limit: number }) => Promise<ChangesResult>;
type AnswerCall = (input: AnswerInput) => Promise<AnswerResult>;

export interface TransportOptions {
  /** How a slowed-down call waits before trying again (default: a timer). */
  wait?: (ms: number) => Promise<void>;
}

function fromCalls(changes: ChangesCall, answer: AnswerCall, options: TransportOptions): Transport {
  const wait = options.wait ?? sleep;
  return {
    changes: <R extends Resource>(resource: R, cursor: string | null, limit: number) =>
      mapped(async () => {
        const page = await changes({ resource, limit, ...(cursor ? { cursor } : {}) });
        return { items: page.items as ResourceItem[R][], nextCursor: page.nextCursor, hasMore: page.hasMore };
      }, wait),
    answer: (input) => mapped(() => answer(input), wait),
  };
}

/** Over a server-side caller of the router (`createCaller(ctx)`), e.g. the API harness's bearerCaller. */
export function callerTransport(caller: { mercadolivre: { changes: ChangesCall; answer: AnswerCall } }, options: TransportOptions = {}): Transport {
  return fromCalls((input) => caller.mercadolivre.changes(input), (input) => caller.mercadolivre.answer(input), options);
}

/** Over the HTTP client (`createTRPCClient<AppRouter>(…)`). */
export function clientTransport(
  client: { mercadolivre: { changes: { query: ChangesCall }; answer: { mutate: AnswerCall } } },
  options: TransportOptions = {},
): Transport {
  return fromCalls((input) => client.mercadolivre.changes.query(input), (input) => client.mercadolivre.answer.mutate(input), options);
}
