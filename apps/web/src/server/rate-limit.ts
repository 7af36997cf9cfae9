import { createLoginLimiter } from './login-limiter.ts';
import { redis } from './redis.ts';
import { redisPrefix } from './tenant-resolver.ts';

const limiter = createLoginLimiter(redis, redisPrefix);

export const allowLoginAttempt = (ip: string, email: string) => limiter.attempt(ip, email);
export const clearLoginAttempts = (ip: string, email: string) => limiter.clear(ip, email);
