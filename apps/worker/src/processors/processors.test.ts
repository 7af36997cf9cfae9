import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '@vitrine/db';
import { createTestDatabase, testKeyRing, type TestDatabase } from '@vitrine/db/testing';
import { createLogger } from '@vitrine/core/logger';
import { processors } from './index.ts';
import type { JobContext } from './types.ts';

let t: TestDatabase;
let db: Database;
let ctx: JobContext;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestDatabase('worker_processors');
  db = createDatabase({ appDatabaseUrl: t.appUrl, keyRing: testKeyRing() });
  ctx = { db, log: createLogger('processors-test', 'silent'), jobId: 'test', attempt: 1, maxAttempts: 1 };
});

afterAll(async () => {
  await db?.disconnect();
  await t?.drop();
});

const token = () => randomBytes(12).toString('hex');

describe('maintenance/sessions.cleanup', () => {
  it('deletes expired sessions and verification tokens and keeps live ones', async () => {
    const user = await db.platform.user.create({ data: { email: `${token()}@example.com` } });
    const at = (offsetMs: number) => new Date(Date.now() + offsetMs);
    const [expired, live] = await Promise.all([
      db.platform.session.create({ data: { userId: user.id, sessionToken: token(), expires: at(-60_000) } }),
      db.platform.session.create({ data: { userId: user.id, sessionToken: token(), expires: at(DAY) } }),
    ]);
    await db.platform.verificationToken.createMany({
      data: [
        { identifier: user.email, token: 'expired-token', expires: at(-1) },
        { identifier: user.email, token: 'live-token', expires: at(DAY) },
      ],
    });

    expect(await processors.maintenance['sessions.cleanup']({}, ctx)).toEqual({ sessions: 1, tokens: 1 });
    expect(await db.platform.session.findMany({ select: { id: true } })).toEqual([{ id: live.id }]);
    expect(await db.platform.session.findUnique({ where: { id: expired.id } })).toBeNull();
    expect((await db.platform.verificationToken.findMany()).map((v) => v.token)).toEqual(['live-token']);

    // Nothing left to do: a second run deletes nothing.
    expect(await processors.maintenance['sessions.cleanup']({}, ctx)).toEqual({ sessions: 0, tokens: 0 });
  });
});

describe('maintenance/outbox.prune', () => {
  it('deletes rows relayed before the cut-off and never touches pending rows', async () => {
    const row = (relayedDaysAgo: number | null) => ({
      queue: 'maintenance',
      name: 'sessions.cleanup',
      relayedAt: relayedDaysAgo === null ? null : new Date(Date.now() - relayedDaysAgo * DAY),
      createdAt: new Date(Date.now() - 30 * DAY),
    });
    const old = await db.platform.outboxJob.create({ data: row(10) });
    const recent = await db.platform.outboxJob.create({ data: row(2) });
    const pending = await db.platform.outboxJob.create({ data: row(null) });

    expect(await processors.maintenance['outbox.prune']({ olderThanDays: 7 }, ctx)).toEqual({ deleted: 1 });
    const left = (await db.platform.outboxJob.findMany({ select: { id: true } })).map((r) => r.id).sort();
    expect(left).toEqual([recent.id, pending.id].sort());
    expect(left).not.toContain(old.id);
  });
});
