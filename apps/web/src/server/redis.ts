import { Redis } from 'ioredis';
import { env } from './env.ts';

const globalForRedis = globalThis as unknown as { vitrineRedis?: Redis };

export const redis: Redis =
  globalForRedis.vitrineRedis ?? (globalForRedis.vitrineRedis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 }));
