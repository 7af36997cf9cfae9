import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, QueueEvents } from 'bullmq';
import { createDatabase, type Database } from '@vitrine/db';
import { createTestDatabase, testKeyRing, type TestDatabase } from '@vitrine/db/testing';
import { createLogger } from '@vitrine/core/logger';
import { startMailCatcher, type MailCatcher } from '@vitrine/mail/catcher';
import { renderEmail } from '@vitrine/mail';
import { enqueueInTransaction } from '@vitrine/queue';
import { processors } from '../index.ts';
import { startWorkerRuntime } from '../../runtime.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `vitrine-test-email-${randomBytes(4).toString('hex')}`;
const FROM = 'Vitrine <no-reply@vitrine.localhost>';

let t: TestDatabase;
let db: Database;
let catcher: MailCatcher;

beforeAll(async () => {
  t = await createTestDatabase('worker_email');
  db = createDatabase({ appDatabaseUrl: t.appUrl, keyRing: testKeyRing() });
  catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
});

afterAll(async () => {
  const queue = new Queue('email', { connection: { url: REDIS_URL }, prefix });
  await queue.obliterate({ force: true }).catch(() => {});
  await queue.close();
  await catcher?.stop();
  await db?.disconnect();
  await t?.drop();
});

describe('email/email.send', () => {
  it('sends an email written to the outbox in a transaction, once it commits, through SMTP', async () => {
    const runtime = await startWorkerRuntime({
      db, keyRing: testKeyRing(), redisUrl: REDIS_URL, prefix, log: createLogger('email-test', 'silent'),
      processors, healthPort: 0, relayIntervalMs: 50, mail: { smtpUrl: catcher.smtpUrl, from: FROM },
    });
    const events = new QueueEvents('email', { connection: { url: REDIS_URL }, prefix });
    await events.waitUntilReady();
    try {
      const to = `ana-${randomBytes(3).toString('hex')}@example.com`;
      const email = renderEmail({ title: 'Reset your password', intro: ['Someone asked to reset it.'], action: { label: 'Choose a new password', url: 'http://localhost:3000/reset-password?token=t1' } });
      // A rolled-back transaction leaves no email behind.
      await expect(
        db.platform.$transaction(async (tx) => {
          await enqueueInTransaction(tx, { queue: 'email', name: 'email.send', payload: { to, ...email, kind: 'auth.test-rolled-back' } });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      const jobId = await db.platform.$transaction((tx) =>
        enqueueInTransaction(tx, { queue: 'email', name: 'email.send', payload: { to, ...email, kind: 'auth.password-reset' } }),
      );
      const queue = runtime.relay.queueFor('email');
      await expect.poll(async () => (await queue.getJob(jobId))?.id, { timeout: 10_000 }).toBe(jobId);
      const result = await (await queue.getJob(jobId))!.waitUntilFinished(events, 10_000);
      expect(result).toMatchObject({ kind: 'auth.password-reset' });

      const messages = (await (await fetch(`${catcher.httpUrl}/messages?to=${encodeURIComponent(to)}`)).json()) as unknown[];
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ subject: 'Reset your password', kind: 'auth.password-reset', links: ['http://localhost:3000/reset-password?token=t1'] });
    } finally {
      await events.close();
      await runtime.stop();
    }
  });

  it('throws on an SMTP failure so the job is retried', async () => {
    const dead = (await import('@vitrine/mail')).createMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: FROM });
    const ctx = { db, log: createLogger('email-test', 'silent'), jobId: 'x', attempt: 1, maxAttempts: 5, mailer: dead };
    await expect(processors.email['email.send']({ to: 'x@example.com', subject: 'Hi', text: 'hi', kind: 'test' }, ctx)).rejects.toThrow();
    dead.close();
  });
});
