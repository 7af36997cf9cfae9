// A worker process for the graceful-shutdown test: the real runtime and the real signal handling, with
// the session cleanup made slow so that SIGTERM arrives while a job is in hand.
// Prints "ready" once started, "job-started" / "job-done" around the job, "stopped" after shutdown.
import { createDatabase } from '@vitrine/db';
import { testKeyRing } from '@vitrine/db/testing';
import { createLogger } from '@vitrine/core/logger';
import { processors } from '../processors/index.ts';
import { startWorkerRuntime } from '../runtime.ts';
import { stopOnSignals } from '../shutdown.ts';

const log = createLogger('slow-worker', 'warn');
const db = createDatabase({ appDatabaseUrl: process.env.APP_DATABASE_URL!, keyRing: testKeyRing() });
const jobMs = Number(process.env.JOB_MS ?? 2_000);

const runtime = await startWorkerRuntime({
  db,
  keyRing: testKeyRing(),
  redisUrl: process.env.REDIS_URL!,
  prefix: process.env.TEST_QUEUE_PREFIX!,
  log,
  healthPort: 0,
  relayIntervalMs: 50,
  processors: {
    maintenance: {
      ...processors.maintenance,
      'sessions.cleanup': async (payload: Record<string, never>, ctx) => {
        process.stdout.write('job-started\n');
        await new Promise((resolve) => setTimeout(resolve, jobMs));
        const result = await processors.maintenance['sessions.cleanup'](payload, ctx);
        process.stdout.write('job-done\n');
        return result;
      },
    },
  },
});
stopOnSignals({
  log,
  stop: async () => {
    await runtime.stop();
    await db.disconnect();
    process.stdout.write('stopped\n');
  },
});
process.stdout.write('ready\n');
