import { Redis } from 'ioredis';
import { getEnv } from './env.ts';

const globalForRedis = globalThis as unknown as { vitrineRedis?: Redis };

export function getRedis(): Redis {
  return (globalForRedis.vitrineRedis ??= new Redis(getEnv().REDIS_URL, { maxRetriesPerRequest: 2 }));
}
