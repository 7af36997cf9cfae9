// The worker process: `pnpm --filter @vitrine/worker start` (tsx src/main.ts).
import { createDatabase } from '@vitrine/db';
import { createLogger } from '@vitrine/core/logger';
import { pickEnv } from '@vitrine/core/env';
import { QUEUE_PREFIX } from '@vitrine/queue';
import { mlConfigFromEnv } from '@vitrine/mercadolivre';
import { createObjectStorage } from '@vitrine/media/storage';
import { concurrency, processors, schedules } from './processors/index.ts';
import { startWorkerRuntime } from './runtime.ts';
import { stopOnSignals } from './shutdown.ts';

const env = pickEnv(
  'APP_DATABASE_URL', 'REDIS_URL', 'DATA_ENCRYPTION_KEYS', 'WORKER_HEALTH_PORT', 'LOG_LEVEL', 'SMTP_URL', 'MAIL_FROM',
  'STORAGE_DRIVER', 'STORAGE_DIR', 'S3_BUCKET', 'S3_REGION', 'S3_ENDPOINT', 'S3_FORCE_PATH_STYLE', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_PUBLIC_BASE_URL',
  'ML_API_BASE_URL', 'ML_AUTH_BASE_URL', 'ML_CLIENT_ID', 'ML_CLIENT_SECRET', 'ML_REDIRECT_URI', 'ML_RATE_PER_APP', 'ML_RATE_PER_SELLER',
);
const log = createLogger('worker', env.LOG_LEVEL);
const db = createDatabase({ appDatabaseUrl: env.APP_DATABASE_URL, keyRing: env.DATA_ENCRYPTION_KEYS });

try {
  const runtime = await startWorkerRuntime({
    db,
    keyRing: env.DATA_ENCRYPTION_KEYS,
    redisUrl: env.REDIS_URL,
    // A run that shares Redis with others (the e2e suite) keeps its queues under its own key prefix.
    prefix: process.env.VITRINE_REDIS_PREFIX ? `${process.env.VITRINE_REDIS_PREFIX}queue` : QUEUE_PREFIX,
    log,
    processors,
    schedules,
    concurrency,
    healthPort: env.WORKER_HEALTH_PORT,
    mercadolivre: mlConfigFromEnv(env),
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    // The storage the web app reads (data export archives): STORAGE_DRIVER chooses local disk or the S3 bucket.
    storage: createObjectStorage(env, { localPublicBaseUrl: '/media' }),
  });
  stopOnSignals({
    log,
    stop: async () => {
      await runtime.stop();
      await db.disconnect();
    },
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  log.fatal(
    { err: message },
    inUse
      ? `The worker could not start: port ${env.WORKER_HEALTH_PORT} (WORKER_HEALTH_PORT) is in use.`
      : 'The worker could not start.',
  );
  await db.disconnect().catch(() => {});
  process.exit(1);
}
