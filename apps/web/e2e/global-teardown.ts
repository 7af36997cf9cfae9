import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dropDatabase } from '@vitrine/db/testing';
import { STATE_FILE } from './constants.ts';
import { clearRedisKeys } from './redis-keys.ts';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Stops the e2e worker (SIGTERM: it finishes its job in hand) and waits up to 10 seconds for it to exit. */
async function stopWorker(pid: number | undefined) {
  if (!pid || !alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

/**
 * Runs before Playwright stops the web server: stops the worker, then drops the run's database and its Redis
 * keys (also when the web server was killed before it could).
 */
export default async function globalTeardown() {
  if (!existsSync(STATE_FILE)) return;
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { name: string; redisUrl?: string; redisPrefix?: string; workerPid?: number };
  await stopWorker(state.workerPid);
  await dropDatabase(state.name);
  if (state.redisUrl && state.redisPrefix) await clearRedisKeys(state.redisUrl, state.redisPrefix);
  rmSync(STATE_FILE, { force: true });
}
