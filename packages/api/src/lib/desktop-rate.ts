import type { Redis } from 'ioredis';
import { TRPCError } from '@trpc/server';
import { takeRateSlot } from '@vitrine/core/gcra';

/**
 * Each desktop token's own request budget: a desktop app that reconnects with a thousand queued answers
 * sends them at this pace (it waits as told, see apps/desktop's transport) instead of flooding the API.
 */
export const DESKTOP_RATE = { perSecond: 50, burst: 100 } as const;

/** The cause of a TOO_MANY_REQUESTS answer: the error formatter passes `retryAfterMs` to the client. */
export class RateLimitCause extends Error {
  override readonly name = 'RateLimitCause';
  constructor(readonly retryAfterMs: number) {
    super(`Retry after ${retryAfterMs} ms`);
  }
}

export async function limitDesktopRequests(redis: Redis, prefix: string, tokenId: string): Promise<void> {
  const wait = await takeRateSlot(redis, [{ key: `${prefix}rate:desktop:${tokenId}`, ...DESKTOP_RATE }]);
  if (wait <= 0) return;
  const retryAfterMs = Math.ceil(wait);
  throw new TRPCError({
    code: 'TOO_MANY_REQUESTS',
    message: `This desktop app is sending too many requests; it will try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.`,
    cause: new RateLimitCause(retryAfterMs),
  });
}
