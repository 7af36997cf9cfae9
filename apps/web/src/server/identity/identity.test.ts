import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, createPrismaClient, type Database, type PrismaClient } from '@vitrine/db';
import { createTestDatabase, testKeyRing, type TestDatabase } from '@vitrine/db/testing';
import { sendLinkEmail } from './emails.ts';
import { consumeToken, hashToken, issueToken, peekToken } from './one-time-tokens.ts';
import { issueGrant, redeemGrant } from './signin-grants.ts';
import { endChallenge, readChallenge, startChallenge } from './two-factor-challenge.ts';
import {
  acceptTotpCode,
  beginEnrolment,
  confirmEnrolment,
  consumeRecoveryCode,
  disableTwoFactor,
  regenerateRecoveryCodes,
  unusedRecoveryCodes,
} from './two-factor.ts';
import { describeUserAgent } from './user-agent.ts';

let testDb: TestDatabase;
let owner: PrismaClient;
let db: Database;
let redis: Redis;
const prefix = `vitrine-test-identity-${randomBytes(4).toString('hex')}:`;
const keyRing = testKeyRing();

beforeAll(async () => {
  testDb = await createTestDatabase('web_identity');
  owner = createPrismaClient(testDb.ownerUrl, { maxConnections: 2 });
  db = createDatabase({ appDatabaseUrl: testDb.appUrl, keyRing, maxConnections: 2 });
  redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
}, 60_000);

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await db?.disconnect();
  await owner?.$disconnect();
  await testDb?.drop();
});

const newUser = async () => (await owner.user.create({ data: { email: `u-${randomBytes(4).toString('hex')}@identity.test` } }));
const stepNow = () => Math.floor(Date.now() / 30_000);
const codeAt = (secret: string, step: number) => generate({ secret, epoch: step * 30 + 1 });

describe('one-time email tokens', () => {
  it('stores only the hash, works once, for its purpose only, and not after expiry', async () => {
    const user = await newUser();
    const token = await issueToken(db.platform, 'password-reset', user.id);
    const row = await owner.verificationToken.findFirstOrThrow({ where: { identifier: `password-reset:${user.id}` } });
    expect(row.token).toBe(hashToken(token));
    expect(row.token).not.toContain(token);
    expect(row.expires.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(row.expires.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);

    expect(await consumeToken(db.platform, 'magic-link', token)).toBeNull();
    expect(await peekToken(db.platform, 'password-reset', token)).toBe(true);
    expect(await consumeToken(db.platform, 'password-reset', token)).toBe(user.id);
    expect(await consumeToken(db.platform, 'password-reset', token)).toBeNull();

    const old = await issueToken(db.platform, 'magic-link', user.id, new Date(Date.now() - 16 * 60_000));
    expect(await peekToken(db.platform, 'magic-link', old)).toBe(false);
    expect(await consumeToken(db.platform, 'magic-link', old)).toBeNull();
  });

  it('writes the email job in the same transaction as the token, and a new link replaces the old one', async () => {
    const user = await newUser();
    await db.platform.$transaction((tx) => sendLinkEmail(tx, 'magic-link', user, { appUrl: 'http://app.test' }, 'en'));
    await db.platform.$transaction((tx) => sendLinkEmail(tx, 'magic-link', user, { appUrl: 'http://app.test' }, 'en'));
    expect(await owner.verificationToken.count({ where: { identifier: `magic-link:${user.id}` } })).toBe(1);
    const jobs = await owner.outboxJob.findMany({ where: { queue: 'email' }, orderBy: { createdAt: 'asc' } });
    const mine = jobs.filter((j) => (j.payload as { to: string }).to === user.email);
    expect(mine).toHaveLength(2);
    const payload = mine[1]!.payload as { subject: string; text: string; kind: string };
    expect(payload).toMatchObject({ subject: 'Your Vitrine sign-in link', kind: 'auth.magic-link' });
    const token = /token=([A-Za-z0-9_-]+)/.exec(payload.text)![1]!;
    expect(await consumeToken(db.platform, 'magic-link', token)).toBe(user.id);

    // Rolled back: neither the token nor the email.
    const before = await owner.outboxJob.count();
    await expect(
      db.platform.$transaction(async (tx) => {
        await sendLinkEmail(tx, 'verify-email', user, { appUrl: 'http://app.test' }, 'en');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await owner.outboxJob.count()).toBe(before);
    expect(await owner.verificationToken.count({ where: { identifier: `verify-email:${user.id}` } })).toBe(0);
  });

  it('writes the email in the language it is given', async () => {
    const user = await newUser();
    await db.platform.$transaction((tx) => sendLinkEmail(tx, 'password-reset', user, { appUrl: 'http://app.test' }, 'pt-BR'));
    const job = await owner.outboxJob.findFirstOrThrow({ where: { queue: 'email', payload: { path: ['to'], equals: user.email } } });
    const payload = job.payload as { subject: string; text: string; html: string; kind: string };
    expect(payload).toMatchObject({ subject: 'Redefina sua senha da Vitrine', kind: 'auth.password-reset' });
    expect(payload.text).toContain('Escolher uma nova senha: http://app.test/reset-password?token=');
    expect(payload.text).toContain('Você recebeu este e-mail');
    expect(payload.html).not.toContain('Choose a new password');
  });

  it('asked from a partner’s admin domain: the partner’s name throughout and links back to that domain', async () => {
    const user = await newUser();
    await db.platform.$transaction((tx) => sendLinkEmail(tx, 'magic-link', user, { appUrl: 'http://admin.partner.test:3000', brand: 'ONE Commerce' }, 'pt-BR'));
    const job = await owner.outboxJob.findFirstOrThrow({ where: { queue: 'email', payload: { path: ['to'], equals: user.email } } });
    const payload = job.payload as { subject: string; text: string; html: string };
    expect(payload.subject).toBe('Seu link de acesso à ONE Commerce');
    expect(payload.text).toContain('Entrar na ONE Commerce: http://admin.partner.test:3000/login/link?token=');
    expect(payload.text).not.toContain('Vitrine');
    expect(payload.html).not.toContain('Vitrine');
  });
});

describe('TOTP second factor', () => {
  it('enrols with a sealed secret, refuses a replayed code, and keeps ten hashed recovery codes used once', async () => {
    const user = await newUser();
    const enrolment = (await beginEnrolment(db.platform, keyRing, user))!;
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const stored = await owner.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecretEnc).toBeTruthy();
    expect(stored.totpSecretEnc).not.toContain(enrolment.secret);
    expect(stored.totpEnabledAt).toBeNull();

    expect(await confirmEnrolment(db.platform, keyRing, user.id, '000000')).toBeNull();
    const step = stepNow();
    const code = await codeAt(enrolment.secret, step);
    const codes = (await confirmEnrolment(db.platform, keyRing, user.id, code))!;
    expect(codes).toHaveLength(10);
    expect((await owner.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();
    // A second enrolment is refused while 2FA is on.
    expect(await beginEnrolment(db.platform, keyRing, user)).toBeNull();

    // The same code (same step) again: refused. An older step: refused. The next step: accepted, once.
    expect(await acceptTotpCode(db.platform, keyRing, user.id, code)).toBe(false);
    expect(await acceptTotpCode(db.platform, keyRing, user.id, await codeAt(enrolment.secret, step - 1))).toBe(false);
    const rows = await owner.recoveryCode.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(10);
    for (const row of rows) for (const c of codes) expect(row.codeHash).not.toContain(c.replace('-', ''));

    expect(await consumeRecoveryCode(db.platform, user.id, codes[0]!.toUpperCase())).toBe(true);
    expect(await consumeRecoveryCode(db.platform, user.id, codes[0]!)).toBe(false);
    expect(await consumeRecoveryCode(db.platform, user.id, 'abcde-12345')).toBe(false);
    expect(await unusedRecoveryCodes(db.platform, user.id)).toBe(9);

    // Someone else's recovery code does nothing here.
    const other = await newUser();
    expect(await consumeRecoveryCode(db.platform, other.id, codes[1]!)).toBe(false);

    await disableTwoFactor(db.platform, user.id);
    const off = await owner.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(off).toMatchObject({ totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null });
    expect(await owner.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });

  it('regenerates ten new recovery codes only while 2FA is on; the old ones, used or not, stop working', async () => {
    const user = await newUser();
    expect(await regenerateRecoveryCodes(db.platform, user.id)).toBeNull();
    const enrolment = (await beginEnrolment(db.platform, keyRing, user))!;
    const old = (await confirmEnrolment(db.platform, keyRing, user.id, await codeAt(enrolment.secret, stepNow())))!;
    expect(await consumeRecoveryCode(db.platform, user.id, old[0]!)).toBe(true);

    const fresh = (await regenerateRecoveryCodes(db.platform, user.id))!;
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => old.includes(c))).toEqual([]);
    expect(await unusedRecoveryCodes(db.platform, user.id)).toBe(10);
    expect(await consumeRecoveryCode(db.platform, user.id, old[1]!)).toBe(false);
    expect(await consumeRecoveryCode(db.platform, user.id, fresh[0]!)).toBe(true);

    await disableTwoFactor(db.platform, user.id);
    expect(await regenerateRecoveryCodes(db.platform, user.id)).toBeNull();
    expect(await owner.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });

  it('accepts a code for one of two racing requests only', async () => {
    const user = await newUser();
    const enrolment = (await beginEnrolment(db.platform, keyRing, user))!;
    const code = await codeAt(enrolment.secret, stepNow());
    const results = await Promise.all([1, 2, 3].map(() => acceptTotpCode(db.platform, keyRing, user.id, code)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe('sign-in grants and the pending second step', () => {
  it('redeems a grant once', async () => {
    const grant = await issueGrant(redis, prefix, 'user-1');
    expect(await redeemGrant(redis, prefix, grant)).toBe('user-1');
    expect(await redeemGrant(redis, prefix, grant)).toBeNull();
    expect(await redeemGrant(redis, prefix, 'short')).toBeNull();
  });

  it('keeps a challenge until it is ended, once', async () => {
    const id = await startChallenge(redis, prefix, { userId: 'user-2', email: 'a@b.test', next: '/admin' });
    expect(await readChallenge(redis, prefix, id)).toEqual({ userId: 'user-2', email: 'a@b.test', next: '/admin' });
    expect(await redis.ttl(`${prefix}2fa-challenge:${id}`)).toBeGreaterThan(500);
    expect(await endChallenge(redis, prefix, id)).toBe(true);
    expect(await endChallenge(redis, prefix, id)).toBe(false);
    expect(await readChallenge(redis, prefix, id)).toBeNull();
    expect(await readChallenge(redis, prefix, undefined)).toBeNull();
  });
});

describe('describeUserAgent', () => {
  it('names the browser and the platform', () => {
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36')).toBe('Chrome on Linux');
    expect(describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1')).toBe('Safari on iOS');
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0')).toBe('Firefox on Windows');
    expect(describeUserAgent(null)).toBe('Unknown device');
  });
});
