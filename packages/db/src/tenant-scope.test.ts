import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './database.ts';
import { Prisma } from './generated/prisma/client.ts';
import { createTestDatabase, testKeyRing, type TestDatabase } from './testing.ts';

/**
 * Every operation of a tenant-scoped client is a transaction, so a burst larger than the connection pool
 * waits for a connection inside Prisma's transaction start. It must wait as long as an unscoped query
 * would (Prisma's default gives up after 2 s with "Unable to start a transaction in the given time").
 */
describe('tenant-scoped operations under a burst larger than the pool', () => {
  let t: TestDatabase;
  let db: Database;
  const tenantId = 'tenant_burst';

  beforeAll(async () => {
    t = await createTestDatabase('scope_burst');
    const owner = new pg.Client({ connectionString: t.ownerUrl });
    await owner.connect();
    await owner.query(`INSERT INTO tenants (id, slug, name, updated_at) VALUES ($1, 'burst', 'Burst', now())`, [tenantId]);
    await owner.end();
    db = createDatabase({ appDatabaseUrl: t.appUrl, keyRing: testKeyRing(), maxConnections: 2 });
  });

  afterAll(async () => {
    await db?.disconnect();
    await t?.drop();
  });

  it('queues operations for a connection for longer than 2 s instead of failing them', async () => {
    const tdb = await db.forTenant(tenantId);
    const started = Date.now();
    // 2 connections, 24 × 0.2 s of work ahead of the last operations: about 2.4 s of waiting.
    const slow = Array.from({ length: 24 }, () => tdb.$scopedRaw(Prisma.sql`SELECT 1 AS slept FROM pg_sleep(0.2)`));
    const reads = Array.from({ length: 4 }, () => tdb.product.count());
    const userRead = db.forUser('nobody').membership.findMany();
    const results = await Promise.allSettled([...slow, ...reads, userRead]);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    expect(Date.now() - started).toBeGreaterThan(2_000);
  });
});
