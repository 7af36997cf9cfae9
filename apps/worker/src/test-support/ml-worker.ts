// A worker process for the Mercado Livre kill-and-resume test: the real runtime and the real processors,
// ML pointed at the test's sandbox, short job locks so a killed worker's job is taken over quickly.
// Prints "ready" once started.
import { createDatabase } from '@vitrine/db';
import { testKeyRing } from '@vitrine/db/testing';
import { createLogger } from '@vitrine/core/logger';
import { concurrency, processors } from '../processors/index.ts';
import { startWorkerRuntime } from '../runtime.ts';
import { stopOnSignals } from '../shutdown.ts';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const log = createLogger('ml-worker', 'warn');
const db = createDatabase({ appDatabaseUrl: env('APP_DATABASE_URL'), keyRing: testKeyRing() });

const runtime = await startWorkerRuntime({
  db,
  keyRing: testKeyRing(),
  redisUrl: env('REDIS_URL'),
  prefix: env('TEST_QUEUE_PREFIX'),
  log,
  healthPort: 0,
  relayIntervalMs: 50,
  processors,
  concurrency,
  lockDurationMs: 2_000,
  stalledIntervalMs: 1_000,
  mercadolivre: {
    apiBaseUrl: env('ML_API_BASE_URL'),
    clientId: env('ML_CLIENT_ID'),
    clientSecret: env('ML_CLIENT_SECRET'),
    redirectUri: 'http://localhost/ml/callback',
    ratePerApp: Number(env('ML_RATE_PER_APP')),
    ratePerSeller: Number(env('ML_RATE_PER_SELLER')),
    retry: { retries: 4, baseDelayMs: 10, maxDelayMs: 200 },
  },
});
stopOnSignals({
  log,
  stop: async () => {
    await runtime.stop();
    await db.disconnect();
  },
});
process.stdout.write('ready\n');
