import type { Prisma } from '@vitrine/db';
import { jobSchema, type JobName, type JobPayload, type QueueName } from './jobs.ts';

/** Anything that can write an outbox row: a platform transaction or a tenant-scoped one. */
export interface OutboxWriter {
  outboxJob: { create(args: { data: Prisma.OutboxJobUncheckedCreateInput }): PromiseLike<{ id: string }> };
}

export interface OutboxJobRequest<Q extends QueueName, N extends JobName<Q>> {
  queue: Q;
  name: N;
  payload: JobPayload<Q, N>;
  /** Deduplication id: rows with the same jobId become one BullMQ job (while it is kept). */
  jobId?: string;
  tenantId?: string;
  /** Not before this time. */
  availableAt?: Date;
}

/**
 * Enqueue after commit: writes the job as an outbox row with the caller's transaction client. The
 * worker's relay hands it to BullMQ once the transaction has committed; a rolled-back transaction
 * leaves no job, and a Redis outage delays jobs without losing any. The payload is validated here,
 * so a bad payload fails the producer's transaction instead of a job later. Returns the row id.
 */
export async function enqueueInTransaction<Q extends QueueName, N extends JobName<Q>>(
  tx: OutboxWriter,
  job: OutboxJobRequest<Q, N>,
): Promise<string> {
  const payload = jobSchema(job.queue, job.name).parse(job.payload) as Prisma.InputJsonValue;
  const row = await tx.outboxJob.create({
    data: {
      queue: job.queue,
      name: job.name,
      payload,
      jobId: job.jobId ?? null,
      tenantId: job.tenantId ?? null,
      ...(job.availableAt ? { availableAt: job.availableAt } : {}),
    },
  });
  return row.id;
}
