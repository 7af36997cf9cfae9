import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, createPrismaClient, type Database, type PrismaClient } from '@vitrine/db';
import { createTestDatabase, testKeyRing, type TestDatabase } from '@vitrine/db/testing';
import { closeOwnSession, closeSession, closeUserSessions, listSessions, liveSessionUser, openSession, SESSION_MAX_AGE_SECONDS } from './sessions.ts';

let testDb: TestDatabase;
let owner: PrismaClient;
let db: Database;
let ana: string;
let bruno: string;

beforeAll(async () => {
  testDb = await createTestDatabase('web_sessions');
  owner = createPrismaClient(testDb.ownerUrl, { maxConnections: 2 });
  db = createDatabase({ appDatabaseUrl: testDb.appUrl, keyRing: testKeyRing(), maxConnections: 2 });
  ana = (await owner.user.create({ data: { email: 'ana@sessions.test', name: 'Ana' } })).id;
  bruno = (await owner.user.create({ data: { email: 'bruno@sessions.test', platformRole: 'SUPER_ADMIN' } })).id;
}, 60_000);

afterAll(async () => {
  await db?.disconnect();
  await owner?.$disconnect();
  await testDb?.drop();
});

describe('revocable sessions', () => {
  it('opens a row (as the application role) with a random token, the client and a 30-day expiry', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const id = await openSession(db.platform, ana, { userAgent: 'Test Browser/1.0', ip: '203.0.113.9' }, now);
    const other = await openSession(db.platform, ana, {}, now);
    const row = await owner.session.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ userId: ana, userAgent: 'Test Browser/1.0', ip: '203.0.113.9' });
    expect(row.sessionToken).toMatch(/^[0-9a-f]{64}$/);
    expect((await owner.session.findUniqueOrThrow({ where: { id: other } })).sessionToken).not.toBe(row.sessionToken);
    expect(row.expires.getTime() - now.getTime()).toBe(SESSION_MAX_AGE_SECONDS * 1000);
  });

  it('honours a live session with the user it belongs to', async () => {
    const id = await openSession(db.platform, bruno, {});
    expect(await liveSessionUser(db.platform, { sessionId: id, userId: bruno })).toEqual({
      id: bruno,
      email: 'bruno@sessions.test',
      name: null,
      platformRole: 'SUPER_ADMIN',
      emailVerified: null,
      sessionId: id,
    });
  });

  it('records when a session was last seen, at most once a minute', async () => {
    const opened = new Date('2026-02-01T10:00:00Z');
    const id = await openSession(db.platform, ana, {}, opened);
    await owner.session.update({ where: { id }, data: { lastSeenAt: opened } });
    await liveSessionUser(db.platform, { sessionId: id, userId: ana }, new Date('2026-02-01T10:00:30Z'));
    expect((await owner.session.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(opened);
    const later = new Date('2026-02-01T10:05:00Z');
    await liveSessionUser(db.platform, { sessionId: id, userId: ana }, later);
    expect((await owner.session.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(later);
  });

  it('closes one of the person\'s own sessions, all others, or all of them; never someone else\'s', async () => {
    const carla = (await owner.user.create({ data: { email: 'carla@sessions.test' } })).id;
    const [here, laptop, phone] = await Promise.all([0, 1, 2].map(() => openSession(db.platform, carla, {})));
    const anas = await openSession(db.platform, ana, {});
    expect(await closeOwnSession(db.platform, carla, anas)).toBe(false);
    expect(await closeOwnSession(db.platform, carla, laptop!)).toBe(true);
    expect((await listSessions(db.platform, carla)).map((s) => s.id).sort()).toEqual([here, phone].sort());
    expect(await closeUserSessions(db.platform, carla, here)).toBe(1);
    expect((await listSessions(db.platform, carla)).map((s) => s.id)).toEqual([here]);
    expect(await closeUserSessions(db.platform, carla)).toBe(1);
    expect(await listSessions(db.platform, carla)).toEqual([]);
    expect(await liveSessionUser(db.platform, { sessionId: anas, userId: ana })).not.toBeNull();
  });

  it('refuses a token whose user is not the owner of the session row', async () => {
    const id = await openSession(db.platform, ana, {});
    expect(await liveSessionUser(db.platform, { sessionId: id, userId: bruno })).toBeNull();
  });

  it('refuses an expired session', async () => {
    const past = new Date(Date.now() - (SESSION_MAX_AGE_SECONDS + 60) * 1000);
    const id = await openSession(db.platform, ana, {}, past);
    expect(await liveSessionUser(db.platform, { sessionId: id, userId: ana })).toBeNull();
    expect(await liveSessionUser(db.platform, { sessionId: id, userId: ana }, past)).not.toBeNull();
  });

  it('signs out by deleting the row: the same token is refused afterwards, other sessions stay', async () => {
    const first = await openSession(db.platform, ana, {});
    const second = await openSession(db.platform, ana, {});
    await closeSession(db.platform, first);
    expect(await liveSessionUser(db.platform, { sessionId: first, userId: ana })).toBeNull();
    expect(await owner.session.count({ where: { id: first } })).toBe(0);
    expect(await liveSessionUser(db.platform, { sessionId: second, userId: ana })).not.toBeNull();
  });

  it('refuses a token without a session reference or for an unknown row', async () => {
    expect(await liveSessionUser(db.platform, { sessionId: '', userId: ana })).toBeNull();
    expect(await liveSessionUser(db.platform, { sessionId: 'c-no-such-session', userId: ana })).toBeNull();
  });
});
