import { z } from 'zod';
import { apiError, type SandboxHttpError } from './http.ts';

export const failNextInput = z.object({
  status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503)]),
  /** How many matching requests fail; with forMs, whichever ends first. Default 1 without forMs. */
  count: z.number().int().positive().optional(),
  forMs: z.number().int().positive().optional(),
  /** Only paths starting with this fail. OAuth paths fail only when this names them explicitly. */
  pathPrefix: z.string().startsWith('/').optional(),
  /** ML documents no Retry-After; send one only when a test asks for it. */
  retryAfterSeconds: z.number().int().min(0).optional(),
});
export type FailNextInput = z.input<typeof failNextInput>;

interface FaultRule {
  status: number;
  remaining: number;
  until: number;
  pathPrefix: string | null;
  retryAfterSeconds: number | undefined;
}

const OAUTH_PATHS = ['/oauth/', '/authorization'];

export function faultError(status: number, retryAfterSeconds?: number): SandboxHttpError {
  const error = status === 429
    ? apiError(429, 'too_many_requests', 'Too Many Requests')
    : apiError(status, status === 500 ? 'internal_server_error' : 'service_unavailable', status === 500 ? 'Internal Server Error' : 'Service Unavailable');
  if (retryAfterSeconds !== undefined) error.headers['retry-after'] = String(retryAfterSeconds);
  return error;
}

/** control.failNext: answers 429/5xx to matching requests for a count and/or a while. */
export class FaultSwitch {
  private rules: FaultRule[] = [];

  constructor(private readonly clock: () => number) {}

  add(raw: FailNextInput): void {
    const input = failNextInput.parse(raw);
    this.rules.push({
      status: input.status,
      remaining: input.count ?? (input.forMs === undefined ? 1 : Number.POSITIVE_INFINITY),
      until: input.forMs === undefined ? Number.POSITIVE_INFINITY : this.clock() + input.forMs,
      pathPrefix: input.pathPrefix ?? null,
      retryAfterSeconds: input.retryAfterSeconds,
    });
  }

  clear(): void {
    this.rules = [];
  }

  /** The error this request must answer, if a rule matches it (and spends one of its count). */
  check(path: string): SandboxHttpError | null {
    if (this.rules.length === 0) return null;
    const now = this.clock();
    this.rules = this.rules.filter((rule) => rule.remaining > 0 && rule.until > now);
    for (const rule of this.rules) {
      const matches = rule.pathPrefix === null
        ? !OAUTH_PATHS.some((prefix) => path.startsWith(prefix))
        : path.startsWith(rule.pathPrefix);
      if (!matches) continue;
      rule.remaining--;
      return faultError(rule.status, rule.retryAfterSeconds);
    }
    return null;
  }
}

/** Fixed one-second windows per key: enough to make an over-eager client see 429s. */
export class RateLimiter {
  private readonly windows = new Map<string, { second: number; count: number }>();

  constructor(
    private readonly clock: () => number,
    private readonly limits: { perAppPerSecond?: number; perSellerPerSecond?: number },
  ) {}

  /** Counts the request against both buckets; true when either is over its limit. */
  exceeded(clientId: string, sellerId: number): boolean {
    const second = Math.floor(this.clock() / 1000);
    const app = this.limits.perAppPerSecond === undefined ? false : this.hit(`app:${clientId}`, second) > this.limits.perAppPerSecond;
    const seller = this.limits.perSellerPerSecond === undefined ? false : this.hit(`seller:${sellerId}`, second) > this.limits.perSellerPerSecond;
    return app || seller;
  }

  private hit(key: string, second: number): number {
    const window = this.windows.get(key);
    if (!window || window.second !== second) {
      this.windows.set(key, { second, count: 1 });
      return 1;
    }
    return ++window.count;
  }
}
