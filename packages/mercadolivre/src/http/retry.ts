import { setTimeout as realSleep } from 'node:timers/promises';
import { isRetryable, MlRateLimitedError } from '../errors.ts';

export interface RetryOptions {
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Injected by tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

export const DEFAULT_RETRY = { retries: 6, baseDelayMs: 250, maxDelayMs: 30_000 } as const;

/** The wait before retry `attempt` (1-based): Retry-After when ML sent one, else exponential with full jitter. */
export function retryDelay(attempt: number, error: unknown, options: RetryOptions = {}): number {
  const base = options.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs;
  const max = options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs;
  if (error instanceof MlRateLimitedError && error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, max);
  const ceiling = Math.min(max, base * 2 ** (attempt - 1));
  return Math.round((options.random ?? Math.random)() * ceiling);
}

/** Runs `call`, retrying 429s, 5xx and network failures with backoff; other errors are thrown at once. */
export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const retries = options.retries ?? DEFAULT_RETRY.retries;
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isRetryable(error) || attempt > retries) throw error;
      const delayMs = retryDelay(attempt, error, options);
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}
