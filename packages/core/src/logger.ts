import { pino, type Logger } from 'pino';

/** JSON logs; callers add tenantId, userId and requestId with `logger.child({...})`. */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    redact: { paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization'], censor: '[redacted]' },
  });
}

export type { Logger };
