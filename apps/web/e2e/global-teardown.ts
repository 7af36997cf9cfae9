import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dropDatabase } from '@vitrine/db/testing';
import { STATE_FILE } from './constants.ts';
import { clearRedisKeys } from './redis-keys.ts';

/** Drops the run's database and its Redis keys even if the web server was killed before it could. */
export default async function globalTeardown() {
  if (!existsSync(STATE_FILE)) return;
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { name: string; redisUrl?: string; redisPrefix?: string };
  await dropDatabase(state.name);
  if (state.redisUrl && state.redisPrefix) await clearRedisKeys(state.redisUrl, state.redisPrefix);
  rmSync(STATE_FILE, { force: true });
}
