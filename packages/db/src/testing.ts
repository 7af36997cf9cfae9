import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from './migrate.ts';

/**
 * Throwaway databases for tests: a fresh, fully migrated database per call, reached as the owner and
 * as the application role. The server is the one in TEST_POSTGRES_URL (default: local trust auth).
 */
export interface TestDatabase {
  name: string;
  /** Owner connection (migrations, fixtures that must bypass RLS). */
  ownerUrl: string;
  /** vitrine_app connection: what the application uses. */
  appUrl: string;
  drop(): Promise<void>;
}

const serverUrl = () => process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(base: string, database: string, user?: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = '';
  }
  return url.toString();
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `vitrine_test_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const ownerUrl = databaseUrl(serverUrl(), name);
  await migrate({ databaseUrl: ownerUrl });
  return {
    name,
    ownerUrl,
    appUrl: databaseUrl(serverUrl(), name, 'vitrine_app'),
    drop: () => dropDatabase(name),
  };
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** A key ring for tests (never used outside them). */
export function testKeyRing() {
  return { currentKeyId: 'test', keys: new Map([['test', Buffer.alloc(32, 7)]]) };
}
