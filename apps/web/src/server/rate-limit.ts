import { createLoginLimiter } from './login-limiter.ts';
import { getRedis } from './redis.ts';
import { redisPrefix } from './tenant-resolver.ts';

let limiter: ReturnType<typeof createLoginLimiter> | undefined;
const get = () => (limiter ??= createLoginLimiter(getRedis(), redisPrefix));

export const allowLoginAttempt = (ip: string, email: string) => get().attempt(ip, email);
export const clearLoginAttempts = (ip: string, email: string) => get().clear(ip, email);
