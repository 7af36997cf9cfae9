import { createDatabase, type Database } from '@vitrine/db';
import { getEnv } from './env.ts';

const globalForDb = globalThis as unknown as { vitrineDb?: Database };

/** One database factory per process (kept across hot reloads), created on first use. */
export function getDb(): Database {
  const env = getEnv();
  return (globalForDb.vitrineDb ??= createDatabase({ appDatabaseUrl: env.APP_DATABASE_URL, keyRing: env.DATA_ENCRYPTION_KEYS }));
}
