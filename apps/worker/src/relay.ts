import { Queue, type ConnectionOptions } from 'bullmq';
import { Prisma, type PrismaClient } from '@vitrine/db';
import type { Logger } from '@vitrine/core/logger';
import { safeJobId } from '@vitrine/queue';
import type { OutboxSource } from './outbox-sources.ts';
import { startLoop } from './loop.ts';
import { withTimeout } from './timeout.ts';

interface PendingRow {
  id: string;
  queue: string;
  name: string;
  payload: unknown;
  job_id: string | null;
  attempts: number;
}

export interface RelayOptions {
  /** Where outbox rows live: the platform database, and every dedicated tenant database. */
  sources: () => Promise<OutboxSource[]>;
  /** A fail-fast connection (no offline queue): an outage must surface, not hang the relay. */
  connection: ConnectionOptions;
  prefix: string;
  log: Logger;
  batchSize?: number;
  /** Longest a single add to Redis may take before the row is retried later. */
  addTimeoutMs?: number;
  /** Called after each batch with the rows handed over and the rows put back for a retry. */
  onBatch?: (result: BatchResult) => void;
}

export interface BatchResult {
  relayed: number;
  failed: number;
}

/** Seconds to wait before retrying a row that failed `attempts` times: 2, 4, 8 … capped at 5 minutes. */
export const retryDelaySeconds = (attempts: number) => Math.min(300, 2 ** Math.min(Math.max(attempts, 1), 9));

/** Options every relayed job gets; a job is retried by BullMQ if its processor throws. */
export const RELAYED_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  // Completed jobs are kept a day, so a row relayed twice (crash between add and update) stays one job.
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1_000);

/**
 * Hands committed outbox rows to BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED, so several
 * relays never hand over the same row at once; each job gets the row's job id (or the row id), so a row
 * relayed again after a crash between the add and the update is still one job in BullMQ. When Redis
 * refuses a job the row stays pending: attempts + 1, last_error, and available_at pushed back.
 */
export class OutboxRelay {
  private readonly queues = new Map<string, Queue>();
  private readonly batchSize: number;
  private readonly addTimeoutMs: number;

  constructor(private readonly options: RelayOptions) {
    this.batchSize = options.batchSize ?? 100;
    this.addTimeoutMs = options.addTimeoutMs ?? 5_000;
  }

  /** The BullMQ queue for a name, opened once. */
  queueFor(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.options.connection, prefix: this.options.prefix });
      queue.on('error', () => {}); // each failed add is recorded on its row
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** One batch from every source; returns the totals. */
  async relayAll(): Promise<BatchResult> {
    const total: BatchResult = { relayed: 0, failed: 0 };
    for (const source of await this.options.sources()) {
      try {
        const result = await this.relayBatch(source.client);
        total.relayed += result.relayed;
        total.failed += result.failed;
      } catch (error) {
        this.options.log.error({ source: source.label, err: errorMessage(error) }, 'outbox relay could not read its source');
      }
    }
    return total;
  }

  /** Relays one batch from one database; returns how many rows were handed over and how many wait for a retry. */
  async relayBatch(client: PrismaClient): Promise<BatchResult> {
    const result = await client.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<PendingRow[]>(Prisma.sql`
          SELECT id, queue, name, payload, job_id, attempts FROM outbox_jobs
          WHERE relayed_at IS NULL AND available_at <= now()
          ORDER BY available_at, id
          LIMIT ${this.batchSize}
          FOR UPDATE SKIP LOCKED`);
        const relayed: string[] = [];
        let failure: { index: number; message: string } | undefined;
        for (const [index, row] of rows.entries()) {
          try {
            await this.add(row);
            relayed.push(row.id);
          } catch (error) {
            // Redis is unreachable or refusing: stop here instead of waiting on every row of the batch.
            failure = { index, message: errorMessage(error) };
            break;
          }
        }
        if (relayed.length > 0) {
          await tx.$executeRaw(Prisma.sql`UPDATE outbox_jobs SET relayed_at = now() WHERE id = ANY(${relayed})`);
        }
        const retry = failure ? rows.slice(failure.index) : [];
        for (const row of retry) {
          await tx.$executeRaw(Prisma.sql`
            UPDATE outbox_jobs SET attempts = attempts + 1, last_error = ${failure!.message},
              available_at = now() + make_interval(secs => ${retryDelaySeconds(row.attempts + 1)})
            WHERE id = ${row.id}`);
        }
        if (failure) {
          this.options.log.warn(
            { rows: retry.length, err: failure.message },
            'outbox rows could not be handed to Redis; they stay pending and will be retried',
          );
        }
        return { relayed: relayed.length, failed: retry.length };
      },
      { timeout: Math.max(30_000, this.addTimeoutMs * 2 + 10_000) },
    );
    this.options.onBatch?.(result);
    return result;
  }

  private async add(row: PendingRow): Promise<void> {
    const added = this.queueFor(row.queue).add(row.name, row.payload, {
      ...RELAYED_JOB_OPTIONS,
      jobId: safeJobId(row.job_id ?? row.id),
    });
    await withTimeout(added, this.addTimeoutMs, `Redis did not accept the job within ${this.addTimeoutMs} ms`);
  }

  /** Seconds since the oldest due row (in any source) became available; 0 when nothing waits. */
  async lagSeconds(): Promise<number> {
    let lag = 0;
    for (const source of await this.options.sources()) {
      const [row] = await source.client.$queryRaw<{ lag: number | null }[]>(Prisma.sql`
        SELECT EXTRACT(EPOCH FROM now() - min(available_at))::float8 AS lag FROM outbox_jobs
        WHERE relayed_at IS NULL AND available_at <= now()`);
      lag = Math.max(lag, row?.lag ?? 0);
    }
    return lag;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => {})));
    this.queues.clear();
  }
}

/** Runs the relay until stopped; `stop()` resolves once the batch in hand is finished. */
export function startRelayLoop(relay: OutboxRelay, log: Logger, intervalMs = 500) {
  return startLoop(async () => {
    try {
      // Something relayed means more may be waiting: go again at once.
      return (await relay.relayAll()).relayed > 0 ? 'again' : 'idle';
    } catch (error) {
      log.error({ err: errorMessage(error) }, 'outbox relay batch failed');
      return 'idle';
    }
  }, intervalMs);
}
