import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.ts';

export interface ClientOptions {
  /** Pool size per process; keep it small behind PgBouncer. */
  maxConnections?: number;
}

/** A Prisma client over node-postgres (no engine binary). */
export function createPrismaClient(connectionString: string, options: ClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg(
    { connectionString, max: options.maxConnections ?? 10, idleTimeoutMillis: 30_000 },
    { onPoolError: () => {} },
  );
  return new PrismaClient({ adapter });
}

export type { PrismaClient };
