import { createDatabase, type Database } from '@vitrine/db';
import { env } from './env.ts';

const globalForDb = globalThis as unknown as { vitrineDb?: Database };

/** One database factory per process (kept across hot reloads). */
export const db: Database =
  globalForDb.vitrineDb ?? (globalForDb.vitrineDb = createDatabase({ appDatabaseUrl: env.APP_DATABASE_URL, keyRing: env.DATA_ENCRYPTION_KEYS }));
