import type { Logger } from '@vitrine/core/logger';

export interface ShutdownOptions {
  log: Logger;
  /** Stops taking work, waits for the work in hand, closes connections. */
  stop: () => Promise<void>;
  exit?: (code: number) => void;
  /** A further signal this long after the first one exits at once (Ctrl-C twice). */
  forceAfterMs?: number;
}

/**
 * Graceful shutdown on SIGTERM and SIGINT: `stop()` runs once, then the process exits 0 (1 if stopping
 * failed). Signals arriving together (a terminal's Ctrl-C plus a supervisor's SIGTERM) count as one; a
 * signal sent later, while a long job is still finishing, exits at once with 1.
 */
export function stopOnSignals({ log, stop, exit = (code) => process.exit(code), forceAfterMs = 3_000 }: ShutdownOptions) {
  let firstAt: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstAt !== undefined) {
      if (Date.now() - firstAt >= forceAfterMs) {
        log.warn({ signal }, 'second shutdown signal: exiting without waiting for the jobs in hand');
        exit(1);
      }
      return;
    }
    firstAt = Date.now();
    log.info({ signal }, 'shutdown requested');
    stop().then(
      () => exit(0),
      (error: unknown) => {
        log.error({ err: error instanceof Error ? error.message : String(error) }, 'shutdown failed');
        exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
