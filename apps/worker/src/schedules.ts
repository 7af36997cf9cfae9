import type { Logger } from '@vitrine/core/logger';
import type { Schedule } from './processors/index.ts';
import type { OutboxRelay } from './relay.ts';
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
  let stopping = false;
  let wake: (() => void) | undefined;
  const pending = new Set(schedules);
  const done = (async () => {
    while (!stopping && pending.size > 0) {
      for (const schedule of [...pending]) {
        if (stopping) break;
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
      if (pending.size > 0 && !stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, retryMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  })();
  return {
    async stop() {
      stopping = true;
      wake?.();
      await done;
    },
  };
}
