import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, QueueEvents } from 'bullmq';
import { createDatabase, type Database } from '@vitrine/db';
import { createTestDatabase, testKeyRing, type TestDatabase } from '@vitrine/db/testing';
import { createLogger } from '@vitrine/core/logger';
import { enqueueInTransaction } from '@vitrine/queue';
import { processors, schedules } from './processors/index.ts';
import { startWorkerRuntime, type WorkerRuntimeOptions } from './runtime.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const here = dirname(fileURLToPath(import.meta.url));
const log = createLogger('runtime-test', 'silent');
const usedPrefixes: string[] = [];

let t: TestDatabase;
let db: Database;

beforeAll(async () => {
  t = await createTestDatabase('worker_runtime');
  db = createDatabase({ appDatabaseUrl: t.appUrl, keyRing: testKeyRing() });
});

afterAll(async () => {
  for (const prefix of usedPrefixes) {
    for (const name of ['maintenance', 'mercadolivre']) {
      const queue = new Queue(name, { connection: { url: REDIS_URL }, prefix });
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close();
    }
  }
  await db?.disconnect();
  await t?.drop();
});

const newPrefix = () => {
  const prefix = `vitrine-test-runtime-${randomBytes(4).toString('hex')}`;
  usedPrefixes.push(prefix);
  return prefix;
};

const start = (options: Partial<WorkerRuntimeOptions> = {}) =>
  startWorkerRuntime({
    db,
    keyRing: testKeyRing(),
    redisUrl: REDIS_URL,
    prefix: newPrefix(),
    log,
    processors,
    healthPort: 0,
    relayIntervalMs: 50,
    ...options,
  });

async function expiredSession() {
  const user = await db.platform.user.create({ data: { email: `u-${randomBytes(4).toString('hex')}@example.com` } });
  return db.platform.session.create({
    data: { userId: user.id, sessionToken: randomBytes(16).toString('hex'), expires: new Date(Date.now() - 1000) },
  });
}

describe('worker runtime', () => {
  it('relays an outbox job after commit and runs its processor once', async () => {
    const runtime = await start();
    const prefix = usedPrefixes.at(-1)!;
    const events = new QueueEvents('maintenance', { connection: { url: REDIS_URL }, prefix });
    await events.waitUntilReady();
    try {
      const expired = await expiredSession();
      const live = await db.platform.session.create({
        data: { userId: expired.userId, sessionToken: randomBytes(16).toString('hex'), expires: new Date(Date.now() + 3_600_000) },
      });
      const jobId = await db.platform.$transaction((tx) =>
        enqueueInTransaction(tx, { queue: 'maintenance', name: 'sessions.cleanup', payload: {} }),
      );
      const queue = runtime.relay.queueFor('maintenance');
      await expect.poll(async () => (await queue.getJob(jobId))?.id, { timeout: 10_000 }).toBe(jobId);
      const result = await (await queue.getJob(jobId))!.waitUntilFinished(events, 10_000);
      expect(result).toEqual({ sessions: 1, tokens: 0 });
      expect(await db.platform.session.findUnique({ where: { id: expired.id } })).toBeNull();
      expect(await db.platform.session.findUnique({ where: { id: live.id } })).not.toBeNull();
      expect(await queue.getJobCountByTypes('completed')).toBe(1);

      const metrics = await (await fetch(`http://127.0.0.1:${runtime.healthPort}/metrics`)).text();
      expect(metrics).toMatch(/vitrine_worker_jobs_processed_total\{queue="maintenance",name="sessions.cleanup"\} 1/);
      expect(metrics).toMatch(/vitrine_worker_outbox_relayed_total 1/);
      expect(metrics).toMatch(/vitrine_worker_job_duration_seconds_count\{queue="maintenance",name="sessions.cleanup"\} 1/);
    } finally {
      await events.close();
      await runtime.stop();
    }
  });

  it('fails a job whose payload does not match its kind, without retrying it', async () => {
    const runtime = await start();
    try {
      const queue = runtime.relay.queueFor('maintenance');
      await queue.add('outbox.prune', { olderThanDays: 'soon' }, { jobId: 'bad-payload', attempts: 5 });
      await expect.poll(async () => (await queue.getJob('bad-payload'))?.failedReason, { timeout: 10_000 }).toMatch(/invalid payload/);
      expect((await queue.getJob('bad-payload'))?.attemptsMade).toBe(1);
      const metrics = await (await fetch(`http://127.0.0.1:${runtime.healthPort}/metrics`)).text();
      expect(metrics).toMatch(/vitrine_worker_jobs_failed_total\{queue="maintenance",name="outbox.prune"\} 1/);
    } finally {
      await runtime.stop();
    }
  });

  it('registers the repeating job schedulers of every queue', async () => {
    const runtime = await start({ schedules });
    try {
      for (const name of new Set(schedules.map((s) => s.queue))) {
        const queue = runtime.relay.queueFor(name);
        await expect.poll(async () => (await queue.getJobSchedulers()).map((s) => s.key).sort(), { timeout: 10_000 }).toEqual(
          schedules.filter((s) => s.queue === name).map((s) => s.id).sort(),
        );
      }
      const queue = runtime.relay.queueFor('maintenance');
      const cleanup = await queue.getJobScheduler('sessions-cleanup-daily');
      expect(cleanup).toMatchObject({ name: 'sessions.cleanup', pattern: '17 3 * * *', tz: 'UTC' });
    } finally {
      await runtime.stop();
    }
  });

  it('answers /healthz with 200 and the relay lag when Postgres and Redis answer', async () => {
    const runtime = await start();
    try {
      const res = await fetch(`http://127.0.0.1:${runtime.healthPort}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok', db: 'ok', redis: 'ok', relayLagSeconds: 0 });
      const metrics = await (await fetch(`http://127.0.0.1:${runtime.healthPort}/metrics`)).text();
      expect(metrics).toContain('vitrine_worker_outbox_relay_lag_seconds 0');
      expect((await fetch(`http://127.0.0.1:${runtime.healthPort}/nope`)).status).toBe(404);
    } finally {
      await runtime.stop();
    }
  });

  it('answers /healthz with 503 naming Redis when Redis is unreachable', async () => {
    const runtime = await start({ redisUrl: 'redis://127.0.0.1:1', processors: {} });
    try {
      const res = await fetch(`http://127.0.0.1:${runtime.healthPort}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'unavailable', db: 'ok', redis: 'down' });
    } finally {
      await runtime.stop();
    }
  });

  it('starts and stops promptly while Redis is unreachable (nothing waits forever on it)', async () => {
    const runtime = await start({ redisUrl: 'redis://127.0.0.1:1', schedules });
    await db.platform.$transaction((tx) => enqueueInTransaction(tx, { queue: 'maintenance', name: 'sessions.cleanup', payload: {} }));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const began = Date.now();
    await runtime.stop();
    expect(Date.now() - began).toBeLessThan(8_000);
    // The row is still pending, for a later relay.
    expect(await db.platform.outboxJob.count({ where: { relayedAt: null } })).toBeGreaterThan(0);
    await db.platform.outboxJob.deleteMany();
  });

  it('answers /healthz with 503 naming the database when Postgres is unreachable', async () => {
    const unreachableDb = createDatabase({ appDatabaseUrl: 'postgresql://vitrine_app@127.0.0.1:1/vitrine', keyRing: testKeyRing() });
    const runtime = await start({ db: unreachableDb, processors: {} });
    try {
      const res = await fetch(`http://127.0.0.1:${runtime.healthPort}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', db: 'down', redis: 'ok', relayLagSeconds: null });
    } finally {
      await runtime.stop();
      await unreachableDb.disconnect();
    }
  });
});

describe('graceful shutdown', () => {
  it('on SIGTERM finishes the job in hand, then exits 0', async () => {
    const prefix = newPrefix();
    const child: ChildProcessByStdio<null, Readable, null> = spawn(
      process.execPath,
      ['--import', 'tsx', join(here, 'test-support', 'slow-worker.ts')],
      {
        env: { ...process.env, APP_DATABASE_URL: t.appUrl, REDIS_URL, TEST_QUEUE_PREFIX: prefix, JOB_MS: '2000' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      let output = '';
      const waiters: (() => void)[] = [];
      child.stdout.on('data', (chunk) => {
        output += String(chunk);
        waiters.forEach((w) => w());
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const seen = (line: string) =>
        Promise.race([
          new Promise<void>((resolve) => {
            const check = () => output.includes(line) && resolve();
            waiters.push(check);
            check();
          }),
          exited.then(() => {
            if (!output.includes(line)) throw new Error(`the worker exited before printing "${line}": ${output}`);
          }),
        ]);

      await seen('ready');
      const expired = await expiredSession();
      const jobId = await db.platform.$transaction((tx) =>
        enqueueInTransaction(tx, { queue: 'maintenance', name: 'sessions.cleanup', payload: {} }),
      );
      await seen('job-started');
      child.kill('SIGTERM');

      expect(await exited).toBe(0);
      const doneAt = output.indexOf('job-done');
      expect(doneAt).toBeGreaterThan(-1);
      expect(output.indexOf('stopped')).toBeGreaterThan(doneAt);
      // The job completed (not left active to be redone) and did its work.
      const queue = new Queue('maintenance', { connection: { url: REDIS_URL }, prefix });
      expect(await queue.getJobState(jobId)).toBe('completed');
      expect(await queue.getJobCountByTypes('active', 'failed', 'waiting')).toBe(0);
      await queue.close();
      expect(await db.platform.session.findUnique({ where: { id: expired.id } })).toBeNull();
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
