import type { Database } from '@vitrine/db';
import type { Logger } from '@vitrine/core/logger';
import type { JobData, JobName, QueueName } from '@vitrine/queue';
import type { MlServices } from '@vitrine/mercadolivre';
import type { Mailer } from '@vitrine/mail';
import type { ObjectStorage } from '@vitrine/media/storage';

export interface JobContext {
  db: Database;
  log: Logger;
  jobId: string;
  /** 1 on the first try. */
  attempt: number;
  /** The job's attempts in all; on the last one a processor records a final failure. */
  maxAttempts: number;
  /** Mercado Livre services, when the worker was configured with an ML application. */
  ml?: MlServices;
  /** Outgoing email, when the worker was configured with SMTP_URL. */
  mailer?: Mailer;
  /** File storage (data export archives), when the worker was given one. */
  storage?: ObjectStorage;
}

/** One processor per job kind: the validated payload in, a small JSON-able summary out. */
export type JobProcessor<Q extends QueueName, N extends JobName<Q>> = (payload: JobData<Q, N>, ctx: JobContext) => Promise<unknown>;

/** Exactly one processor for every job kind in @vitrine/queue's JOBS (a missing one does not compile). */
export type Processors = { [Q in QueueName]: { [N in JobName<Q>]: JobProcessor<Q, N> } };

/** The runtime's view: queue → job name → processor (payloads are validated before the call). */
export type ProcessorRegistry = Record<string, Record<string, (payload: never, ctx: JobContext) => Promise<unknown>>>;

/** A repeating job: created or updated at start-up with BullMQ's upsertJobScheduler (idempotent). */
export interface Schedule {
  queue: QueueName;
  /** Scheduler id; keep it stable, renaming it leaves the old scheduler behind. */
  id: string;
  name: string;
  /** Cron pattern, in UTC. */
  pattern: string;
  payload: object;
}
