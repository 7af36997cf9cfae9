import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantClient } from '@vitrine/db';
import { createOrJoinSyncRun } from '@vitrine/mercadolivre/store';
import { FIXTURE_APP, createMlFixture, type MlFixture } from '@vitrine/mercadolivre/testing';

const here = dirname(fileURLToPath(import.meta.url));
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A worker killed with SIGKILL in the middle of a backfill: the next worker resumes the run and the counts are exact. */
describe('mercado livre sync across a killed worker', () => {
  let f: MlFixture;
  let tenantId: string;
  let tdb: TenantClient;
  let accountId: string;
  let sellerId: number;
  const prefix = `vitrine-test-mlkill-${randomBytes(4).toString('hex')}`;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    f = await createMlFixture('kill');
    ({ sellerId, tenantId, accountId, tdb } = await f.connectedSeller({ nickname: 'KILLED_SELLER', items: 20, orders: 3_000, questions: 5, seed: 41 }));
  }, 60_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    const queue = new Queue('mercadolivre', { connection: { url: REDIS_URL }, prefix });
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
    await f?.close();
  });

  function startWorker(): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, '..', 'test-support', 'ml-worker.ts')], {
      env: {
        ...process.env,
        APP_DATABASE_URL: f.testDb.appUrl,
        REDIS_URL,
        TEST_QUEUE_PREFIX: prefix,
        ML_API_BASE_URL: f.sandbox.url,
        ML_CLIENT_ID: FIXTURE_APP.clientId,
        ML_CLIENT_SECRET: FIXTURE_APP.clientSecret,
        // 60 pages at 10 requests a second: long enough to be killed in the middle.
        ML_RATE_PER_APP: '10',
        ML_RATE_PER_SELLER: '10',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    return new Promise((resolve, reject) => {
      child.stdout!.on('data', (chunk) => String(chunk).includes('ready') && resolve(child));
      child.once('exit', (code) => reject(new Error(`the worker exited with ${code} before it was ready`)));
    });
  }

  async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('resumes from the saved cursor after SIGKILL and ends with exactly the sandbox orders', async () => {
    const expected = f.sandbox.counts(sellerId).orders;
    const { run } = await createOrJoinSyncRun(tdb, { tenantId, accountId, resource: 'ORDERS', kind: 'BACKFILL' });
    const readRun = () => tdb.mlSyncRun.findUniqueOrThrow({ where: { id: run.id } });

    const first = await startWorker();
    const midway = await waitFor(readRun, (r) => r.processed >= 600, 60_000);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const killedAt = await readRun();
    expect(midway.status).toBe('RUNNING');
    expect(killedAt.processed).toBeLessThan(expected);
    expect(await tdb.mlOrder.count()).toBe(killedAt.processed);

    await startWorker();
    const finished = await waitFor(readRun, (r) => r.status !== 'RUNNING' && r.status !== 'QUEUED', 90_000);
    expect(finished).toMatchObject({ status: 'SUCCEEDED', processed: expected, total: expected, error: null });
    expect(await tdb.mlOrder.count()).toBe(expected);
    expect(await tdb.mlOrder.count({ where: { status: 'cancelled' } })).toBeGreaterThan(0);
  }, 180_000);
});
