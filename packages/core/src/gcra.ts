/**
 * A rate budget shared by every process through Redis (GCRA: one "theoretical arrival time" per bucket).
 * A slot is taken from all the given buckets at once or from none; the answer is how long to wait (ms)
 * before one would be free, 0 when the slot was taken. Bursts of up to `burst` requests pass at once.
 */
const SCRIPT = `
local now = tonumber(ARGV[1])
if now < 0 then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local wait = 0
local next = {}
for i, key in ipairs(KEYS) do
  local interval = tonumber(ARGV[i * 2])
  local burst = tonumber(ARGV[i * 2 + 1])
  local tat = tonumber(redis.call('GET', key) or '0')
  if tat < now then tat = now end
  local new_tat = tat + interval
  local over = new_tat - now - burst * interval
  if over > wait then wait = over end
  next[i] = new_tat
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  redis.call('SET', key, next[i], 'PX', math.ceil(next[i] - now) + 1000)
end
return 0
`;

export interface RateBucket {
  key: string;
  perSecond: number;
  /** Requests that may pass at once (default: one second's worth). */
  burst?: number;
}

/** The part of an ioredis client this needs. */
export interface EvalClient {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

/**
 * Takes one slot from every bucket, or none; resolves to 0 when taken, else the milliseconds to wait.
 * `now` (ms) is for tests with a fake clock; by default Redis's own clock, the same for every process.
 */
export async function takeRateSlot(redis: EvalClient, buckets: readonly RateBucket[], now = -1): Promise<number> {
  const args: (string | number)[] = [now];
  for (const bucket of buckets) args.push(1000 / bucket.perSecond, bucket.burst ?? Math.max(1, Math.floor(bucket.perSecond)));
  const wait = await redis.eval(SCRIPT, buckets.length, ...buckets.map((b) => b.key), ...args);
  return Number(wait);
}
