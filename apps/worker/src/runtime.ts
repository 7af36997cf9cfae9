import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { z } from 'zod';
import type { Database } from '@vitrine/db';
import type { KeyRing } from '@vitrine/core/crypto';
import type { Logger } from '@vitrine/core/logger';
import { jobSchema, UnknownJobError } from '@vitrine/queue';
import { startHealthServer } from './health.ts';
import { createMetrics } from './metrics.ts';
import { OutboxSources } from './outbox-sources.ts';
import type { JobContext, ProcessorRegistry, Schedule } from './processors/index.ts';
import { OutboxRelay, startRelayLoop } from './relay.ts';
import { keepRegisteringSchedules } from './schedules.ts';
import { createMlServices, type MlConfig, type MlServices } from '@vitrine/mercadolivre';
import { createMailer, type Mailer, type MailerConfig } from '@vitrine/mail';
import type { ObjectStorage } from '@vitrine/media/storage';

export interface WorkerRuntimeOptions {
  db: Database;
  keyRing: KeyRing;
  redisUrl: string;
  /** BullMQ key prefix: every queue of this deployment lives under it. */
  prefix: string;
  log: Logger;
  processors: ProcessorRegistry;
  schedules?: readonly Schedule[];
  /** Jobs run at once per queue (default 4). */
  concurrency?: Partial<Record<string, number>>;
  /** 0 picks a free port (tests). */
  healthPort: number;
  relayIntervalMs?: number;
  /** Mercado Livre application settings; without them the ML jobs fail saying so. */
  mercadolivre?: MlConfig;
  /** SMTP settings; without them email jobs fail saying so. */
  mail?: MailerConfig;
  /** File storage; without it data export jobs fail saying so. */
  storage?: ObjectStorage;
  /**
   * How long a job's lock lives and how often stalled jobs (their worker died) are looked for. BullMQ's
   * defaults (30 s each) suit production; tests that kill a worker shorten them.
   */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/** Runs one job: payload validated against @vitrine/queue, then the processor for its kind. */
async function runJob(queue: string, job: Job, options: WorkerRuntimeOptions, services: { ml?: MlServices; mailer?: Mailer; storage?: ObjectStorage }) {
  const processor = options.processors[queue]?.[job.name];
  if (!processor) throw new UnrecoverableError(`No processor for job "${job.name}" on queue "${queue}".`);
  let payload: unknown;
  try {
    payload = jobSchema(queue, job.name).parse(job.data);
  } catch (error) {
    // A payload that does not match its kind will never succeed: fail it without retries.
    if (error instanceof z.ZodError || error instanceof UnknownJobError) {
      throw new UnrecoverableError(`Job "${job.name}" on queue "${queue}" has an invalid payload: ${error.message}`);
    }
    throw error;
  }
  const ctx: JobContext = {
    db: options.db,
    log: options.log.child({ queue, job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 }),
    jobId: job.id ?? '',
    attempt: job.attemptsMade + 1,
    maxAttempts: job.opts.attempts ?? 1,
    ...services,
  };
  return processor(payload as never, ctx);
}

/**
 * The worker: a BullMQ Worker per queue in the registry, the outbox relay, the job schedulers and the
 * health server. `stop()` takes no new jobs, lets the jobs in hand finish, stops the relay after its
 * batch, then closes Redis connections (the caller closes the database).
 */
export async function startWorkerRuntime(options: WorkerRuntimeOptions) {
  const { db, log, prefix } = options;
  // Workers block on Redis and must reconnect forever; the relay must fail fast so rows are retried later.
  const workerConnection: ConnectionOptions = { url: options.redisUrl, maxRetriesPerRequest: null };
  const relayConnection: ConnectionOptions = {
    url: options.redisUrl,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
  };
  // The health probe waits (bounded by its own timeout) for a connection in progress.
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  redis.on('error', () => {}); // reported by /healthz

  const sources = new OutboxSources({ db, keyRing: options.keyRing, log });
  // The lag gauge reads the relay when /metrics is scraped (always after start-up).
  const metrics = createMetrics(() => relay.lagSeconds());
  const relay = new OutboxRelay({
    sources: () => sources.list(),
    connection: relayConnection,
    prefix,
    log: log.child({ part: 'relay' }),
    onBatch: ({ relayed, failed }) => {
      metrics.outboxRelayed.inc(relayed);
      metrics.outboxRetries.inc(failed);
    },
  });

  const health = await startHealthServer({ db, redis, metrics, relayLagSeconds: () => relay.lagSeconds() }, options.healthPort);

  // Its own connection: ML work may wait on Redis (locks, rate budget) and must not fail fast like the probe.
  const mlRedis = options.mercadolivre ? new Redis(options.redisUrl, { maxRetriesPerRequest: 3 }) : undefined;
  mlRedis?.on('error', () => {});
  const ml = mlRedis && options.mercadolivre
    ? createMlServices({ redis: mlRedis, prefix, keyRing: options.keyRing, config: options.mercadolivre })
    : undefined;
  const mailer = options.mail ? createMailer(options.mail) : undefined;

  const workers = Object.keys(options.processors).map((queue) => {
    const worker = new Worker(queue, (job) => runJob(queue, job, options, { ml, mailer, storage: options.storage }), {
      connection: workerConnection,
      prefix,
      concurrency: options.concurrency?.[queue] ?? 4,
      ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
      ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
    });
    const observe = (job: Job | undefined) => {
      if (job?.processedOn && job.finishedOn) metrics.jobDuration.observe({ queue, name: job.name }, (job.finishedOn - job.processedOn) / 1000);
    };
    worker.on('completed', (job) => {
      metrics.jobsProcessed.inc({ queue, name: job.name });
      observe(job);
    });
    worker.on('failed', (job, err) => {
      metrics.jobsFailed.inc({ queue, name: job?.name ?? 'unknown' });
      observe(job);
      log.warn({ queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: err.message }, 'job failed');
    });
    // During a Redis outage every reconnect attempt errors: log it once a minute, not every second.
    let lastErrorLogAt = 0;
    worker.on('error', (err) => {
      if (Date.now() - lastErrorLogAt < 60_000) return;
      lastErrorLogAt = Date.now();
      log.error({ queue, err: err.message }, 'worker error (Redis unreachable?); reconnecting');
    });
    return worker;
  });

  const scheduling = keepRegisteringSchedules(relay, options.schedules ?? [], log);
  const relayLoop = startRelayLoop(relay, log, options.relayIntervalMs);
  log.info({ queues: Object.keys(options.processors), prefix, healthPort: health.port }, 'worker started');

  let stopped: Promise<void> | undefined;
  return {
    healthPort: health.port,
    relay,
    metrics,
    /** Idempotent: every call waits for the same shutdown. */
    stop(): Promise<void> {
      stopped ??= (async () => {
        log.info('worker stopping: no new jobs; finishing the jobs in hand');
        await Promise.all([relayLoop.stop(), scheduling.stop(), ...workers.map((w) => w.close())]);
        await relay.close();
        await sources.close();
        await new Promise<void>((resolve) => health.close(() => resolve()));
        redis.disconnect();
        mlRedis?.disconnect();
        mailer?.close();
        log.info('worker stopped');
      })();
      return stopped;
    },
  };
}

export type WorkerRuntime = Awaited<ReturnType<typeof startWorkerRuntime>>;
