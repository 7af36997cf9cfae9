import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { APP_URL, createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { LOGIN_TTL_SECONDS, normalizeUserCode, POLL_INTERVAL_SECONDS } from './device-flow.ts';
import { createDesktopToken, hashToken, userFromDesktopToken } from './tokens.ts';
import { DESKTOP_RATE, type RateLimitCause } from '../../lib/desktop-rate.ts';
import type { TRPCError } from '@trpc/server';

let h: ApiHarness;
let ana: SessionUser;
let bruno: SessionUser;

beforeAll(async () => {
  h = await createApiHarness('desktop');
  ana = await h.createUser('ana-desktop');
  bruno = await h.createUser('bruno-desktop');
});
afterAll(async () => {
  await h?.close();
});

const anon = () => h.caller(null);
/** Lets the next poll through at once (the throttle is tested on its own). */
const allowPoll = async () => {
  const keys = await h.redis.keys(`${h.keyPrefix}desktop:poll:*`);
  if (keys.length) await h.redis.del(...keys);
};
const poll = async (deviceCode: string) => {
  await allowPoll();
  return anon().desktop.poll({ deviceCode });
};

/** start → approve as `user` → poll: the plain token. */
async function signInDesktop(user: SessionUser, deviceName = 'Ana’s laptop') {
  const started = await anon().desktop.startLogin({ deviceName });
  await h.caller(user).desktop.approve({ userCode: started.userCode });
  const result = await poll(started.deviceCode);
  if (result.status !== 'approved') throw new Error('expected an approved login');
  return result.token;
}

describe('device sign-in', () => {
  it('starts with a long device code, an 8-letter user code shown as XXXX-XXXX and the activation page', async () => {
    const started = await anon().desktop.startLogin({ deviceName: 'Loja PC' });
    expect(started.deviceCode.length).toBeGreaterThanOrEqual(40);
    expect(started.userCode).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    expect(started).toMatchObject({ verificationUri: `${APP_URL}/desktop/activate`, expiresIn: LOGIN_TTL_SECONDS, interval: POLL_INTERVAL_SECONDS });
    expect(started.verificationUriComplete).toBe(`${APP_URL}/desktop/activate?code=${started.userCode}`);
    // State in Redis only, with the short TTL; the device code itself is not a key.
    const keys = await h.redis.keys(`${h.keyPrefix}desktop:*`);
    expect(keys.some((k) => k.includes(started.deviceCode))).toBe(false);
    for (const key of keys) expect(await h.redis.ttl(key)).toBeLessThanOrEqual(LOGIN_TTL_SECONDS);
  });

  it('is pending until approved, then gives the token exactly once, stored only as its hash', async () => {
    const started = await anon().desktop.startLogin({ deviceName: 'Loja PC' });
    expect(await poll(started.deviceCode)).toEqual({ status: 'pending' });

    // The approval page names the device before approving; the code may be typed loosely.
    const loose = started.userCode.replace('-', ' ').toLowerCase();
    expect(await h.caller(ana).desktop.lookup({ userCode: loose })).toEqual({ userCode: started.userCode, deviceName: 'Loja PC' });
    expect(await h.caller(ana).desktop.approve({ userCode: loose })).toEqual({ deviceName: 'Loja PC' });

    const approved = await poll(started.deviceCode);
    expect(approved).toMatchObject({ status: 'approved', user: { id: ana.id, email: ana.email } });
    const token = approved.status === 'approved' ? approved.token : '';
    expect(token).toMatch(/^vtd_[A-Za-z0-9_-]{43}$/);
    const rows = await h.owner.desktopToken.findMany({ where: { userId: ana.id } });
    expect(rows.find((r) => r.tokenHash === hashToken(token))).toMatchObject({ name: 'Loja PC', revokedAt: null });
    expect(JSON.stringify(rows)).not.toContain(token);

    await expectTRPCError(poll(started.deviceCode), 'BAD_REQUEST', /expired or was already used/);
    // The code cannot be used a second time either.
    await expectTRPCError(h.caller(bruno).desktop.approve({ userCode: started.userCode }), 'BAD_REQUEST', /wrong or expired/);
  });

  it('gives the token to one of two simultaneous polls only', async () => {
    const started = await anon().desktop.startLogin({ deviceName: 'Twin' });
    await h.caller(ana).desktop.approve({ userCode: started.userCode });
    await allowPoll();
    const results = await Promise.allSettled([
      anon().desktop.poll({ deviceCode: started.deviceCode }),
      // Another server process: its own context, the same Redis.
      h.caller(null).desktop.poll({ deviceCode: started.deviceCode }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled' && r.value.status === 'approved')).toHaveLength(1);
  });

  it('refuses unknown and expired device codes, and wrong or expired user codes, with a sentence', async () => {
    await expectTRPCError(poll('x'.repeat(43)), 'BAD_REQUEST', /expired or was already used/);
    await expectTRPCError(h.caller(ana).desktop.approve({ userCode: 'BCDF-GHJK' }), 'BAD_REQUEST', /wrong or expired/);
    await expectTRPCError(h.caller(ana).desktop.approve({ userCode: 'AEIO-U123' }), 'BAD_REQUEST', /wrong or expired/);

    const started = await anon().desktop.startLogin({ deviceName: 'Old PC' });
    // Time passes: Redis forgets the request.
    for (const key of await h.redis.keys(`${h.keyPrefix}desktop:*`)) if (!key.includes(':poll:') && !key.includes(':approve:')) await h.redis.del(key);
    await expectTRPCError(h.caller(ana).desktop.approve({ userCode: started.userCode }), 'BAD_REQUEST', /wrong or expired/);
    await expectTRPCError(poll(started.deviceCode), 'BAD_REQUEST', /expired or was already used/);
  });

  it('approving needs a signed-in person', async () => {
    const started = await anon().desktop.startLogin({ deviceName: 'PC' });
    await expectTRPCError(anon().desktop.approve({ userCode: started.userCode }), 'UNAUTHORIZED');
    await expectTRPCError(anon().desktop.tokens(), 'UNAUTHORIZED');
  });

  it('tells a desktop app that polls faster than the interval to slow down', async () => {
    const started = await anon().desktop.startLogin({ deviceName: 'Eager PC' });
    expect(await poll(started.deviceCode)).toEqual({ status: 'pending' });
    await expectTRPCError(anon().desktop.poll({ deviceCode: started.deviceCode }), 'TOO_MANY_REQUESTS', /slow down/);
  });

  it('limits how many codes a person may try in a minute', async () => {
    const carla = await h.createUser('carla-desktop');
    for (let i = 0; i < 10; i += 1) {
      await expectTRPCError(h.caller(carla).desktop.approve({ userCode: 'BCDF-GHJK' }), 'BAD_REQUEST');
    }
    await expectTRPCError(h.caller(carla).desktop.approve({ userCode: 'BCDF-GHJK' }), 'TOO_MANY_REQUESTS');
  });

  it('reads typed codes without ambiguity', () => {
    expect(normalizeUserCode(' bcdf-ghjk ')).toBe('BCDFGHJK');
    expect(normalizeUserCode('BCDF GHJ')).toBeNull();
    expect(normalizeUserCode('BCDF-GHJ0')).toBeNull();
  });
});

describe('desktop tokens', () => {
  it('authenticate a bearer request as their user, in the store named by x-tenant-id', async () => {
    const token = await signInDesktop(ana);
    const caller = await h.bearerCaller(`Bearer ${token}`);
    const [mine] = await caller.desktop.tokens();
    expect(mine).toMatchObject({ name: 'Ana’s laptop', revokedAt: null });
    expect(mine).not.toHaveProperty('tokenHash');

    const store = await h.createStore(ana, 'desk-store');
    const inStore = await h.bearerCaller(`bearer ${token}`, { tenantId: store.id });
    expect(await inStore.mercadolivre.changes({ resource: 'orders' })).toMatchObject({ items: [], hasMore: false });
  });

  it('mark last use at most once a minute', async () => {
    const token = await signInDesktop(ana, 'Clocked');
    const t0 = new Date(Date.now() + 1000);
    await userFromDesktopToken(h.db.platform, token, t0);
    const row = () => h.owner.desktopToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect((await row()).lastUsedAt).toEqual(t0);
    await userFromDesktopToken(h.db.platform, token, new Date(t0.getTime() + 30_000));
    expect((await row()).lastUsedAt).toEqual(t0);
    const t2 = new Date(t0.getTime() + 61_000);
    await userFromDesktopToken(h.db.platform, token, t2);
    expect((await row()).lastUsedAt).toEqual(t2);
  });

  it('refuse bad tokens with UNAUTHORIZED and a sentence; no bearer falls back to the cookie session', async () => {
    await expectTRPCError(h.bearerCaller('Bearer vtd_nope'), 'UNAUTHORIZED', /not valid/);
    await expectTRPCError(h.bearerCaller(`Bearer vtd_${'A'.repeat(43)}`), 'UNAUTHORIZED', /not valid/);
    await expectTRPCError(h.bearerCaller('Bearer '), 'UNAUTHORIZED', /not valid/);
    // Basic or no scheme: not a desktop request; the caller is anonymous.
    await expectTRPCError((await h.bearerCaller('Basic abc')).desktop.tokens(), 'UNAUTHORIZED', /sign in/);
  });

  it('stop working once revoked; revoking is idempotent', async () => {
    const token = await signInDesktop(ana, 'Lost laptop');
    const caller = await h.bearerCaller(`Bearer ${token}`);
    const row = (await caller.desktop.tokens()).find((t) => t.name === 'Lost laptop')!;
    const revoked = await h.caller(ana).desktop.revoke({ tokenId: row.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    await expectTRPCError(h.bearerCaller(`Bearer ${token}`), 'UNAUTHORIZED', /revoked/);
    expect((await h.caller(ana).desktop.revoke({ tokenId: row.id })).revokedAt).toEqual(revoked.revokedAt);
    expect((await h.caller(ana).desktop.tokens()).find((t) => t.id === row.id)?.revokedAt).toEqual(revoked.revokedAt);
  });

  it('cannot be listed or revoked by another person', async () => {
    const token = await signInDesktop(ana, 'Private');
    const row = await h.owner.desktopToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect((await h.caller(bruno).desktop.tokens()).map((t) => t.id)).not.toContain(row.id);
    await expectTRPCError(h.caller(bruno).desktop.revoke({ tokenId: row.id }), 'NOT_FOUND');
    expect((await h.owner.desktopToken.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).toBeNull();
    await expect(h.bearerCaller(`Bearer ${token}`)).resolves.toBeDefined();
  });

  it('sign themselves out: the calling token is revoked, other tokens of the person keep working', async () => {
    const leaving = (await createDesktopToken(h.db.platform, ana.id, 'Leaving')).token;
    const staying = (await createDesktopToken(h.db.platform, ana.id, 'Staying')).token;
    expect(await (await h.bearerCaller(`Bearer ${leaving}`)).desktop.signOut()).toEqual({ revoked: true });
    await expectTRPCError(h.bearerCaller(`Bearer ${leaving}`), 'UNAUTHORIZED', /revoked/);
    await expect((await h.bearerCaller(`Bearer ${staying}`)).desktop.tokens()).resolves.toBeDefined();
    // A browser session has no token of its own to revoke.
    await expectTRPCError(h.caller(ana).desktop.signOut(), 'BAD_REQUEST', /desktop app/);
  });

  it('have their own request budget: past the burst, TOO_MANY_REQUESTS with how long to wait; other tokens unaffected', async () => {
    const busy = await h.bearerCaller(`Bearer ${(await createDesktopToken(h.db.platform, ana.id, 'Busy')).token}`);
    const calls = await Promise.allSettled(Array.from({ length: DESKTOP_RATE.burst + 20 }, () => busy.desktop.tokens()));
    const refused = calls.filter((c): c is PromiseRejectedResult => c.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    expect(calls.length - refused.length).toBeGreaterThanOrEqual(DESKTOP_RATE.burst);
    const error = refused[0]!.reason as TRPCError;
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(error.message).toMatch(/too many requests/);
    expect((error.cause as RateLimitCause).retryAfterMs).toBeGreaterThan(0);
    await expect((await h.bearerCaller(`Bearer ${(await createDesktopToken(h.db.platform, ana.id, 'Calm')).token}`)).desktop.tokens()).resolves.toBeDefined();
    // A browser session is not counted against any desktop budget.
    await expect(h.caller(ana).desktop.tokens()).resolves.toBeDefined();
  });
});
