import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one worker process (a registry of its own, so tests can run several). */
export function createMetrics(relayLag: () => Promise<number>) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    jobsProcessed: new Counter({
      name: 'vitrine_worker_jobs_processed_total',
      help: 'Jobs whose processor finished',
      labelNames: ['queue', 'name'],
      registers: [registry],
    }),
    jobsFailed: new Counter({
      name: 'vitrine_worker_jobs_failed_total',
      help: 'Job attempts whose processor threw',
      labelNames: ['queue', 'name'],
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'vitrine_worker_job_duration_seconds',
      help: 'Time from a job starting to its processor finishing or throwing',
      labelNames: ['queue', 'name'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
    outboxRelayed: new Counter({
      name: 'vitrine_worker_outbox_relayed_total',
      help: 'Outbox rows handed to BullMQ',
      registers: [registry],
    }),
    outboxRetries: new Counter({
      name: 'vitrine_worker_outbox_relay_retries_total',
      help: 'Outbox rows put back for a retry because Redis refused them',
      registers: [registry],
    }),
    relayLag: new Gauge({
      name: 'vitrine_worker_outbox_relay_lag_seconds',
      help: 'Age of the oldest outbox row that is due and not yet relayed (-1 when the database cannot be read)',
      registers: [registry],
      async collect() {
        this.set(await relayLag().catch(() => -1));
      },
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
