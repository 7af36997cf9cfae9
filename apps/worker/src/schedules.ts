import type { Logger } from '@vitrine/core/logger';
import type { Schedule } from './processors/index.ts';
import type { OutboxRelay } from './relay.ts';
import { startLoop } from './loop.ts';
import { withTimeout } from './timeout.ts';

/**
 * Registers the job schedulers (BullMQ upsertJobScheduler: idempotent, so every worker process may do it
 * at start-up). If Redis is down it tries again every `retryMs` until it succeeds or the worker stops.
 */
export function keepRegisteringSchedules(
  relay: OutboxRelay,
  schedules: readonly Schedule[],
  log: Logger,
  { retryMs = 5_000, timeoutMs = 3_000 } = {},
) {
  const pending = new Set(schedules);
  const loop = startLoop(async (isStopping) => {
    for (const schedule of [...pending]) {
      if (isStopping()) break;
      try {
        await withTimeout(
          relay.queueFor(schedule.queue).upsertJobScheduler(
            schedule.id,
            { pattern: schedule.pattern, tz: 'UTC' },
            { name: schedule.name, data: schedule.payload, opts: { attempts: 3, backoff: { type: 'exponential', delay: 10_000 } } },
          ),
          timeoutMs,
          `Redis did not answer within ${timeoutMs} ms`,
        );
        pending.delete(schedule);
      } catch (error) {
        log.warn({ schedule: schedule.id, err: (error as Error).message }, 'job scheduler not registered yet; will retry');
      }
    }
    return pending.size > 0 ? 'idle' : 'done';
  }, retryMs);
  return { stop: loop.stop };
}
