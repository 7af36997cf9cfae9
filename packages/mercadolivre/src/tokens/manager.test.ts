import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { DecryptionError, type KeyRing } from '@vitrine/core/crypto';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { createOAuth } from '../oauth/oauth.ts';
import { MlReconnectNeededError } from '../errors.ts';
import { openTokens, sealTokens, type SealedTokens } from './seal.ts';
import { createTokenManager, type StoredTokens, type TokenStore } from './manager.ts';

const APP = { clientId: '5550003', clientSecret: 'tokens-test-secret', redirectUris: ['http://localhost/cb'] };
const ring: KeyRing = { currentKeyId: 'k2', keys: new Map([['k2', Buffer.alloc(32, 2)], ['k1', Buffer.alloc(32, 1)]]) };

/** The TokenStore contract over a Map (the worker's is the same contract over Postgres). */
function memoryStore() {
  const rows = new Map<string, StoredTokens>();
  const reconnect = new Map<string, string>();
  const store: TokenStore = {
    load: async (id) => rows.get(id) ?? null,
    async save(id, sealed: SealedTokens, expectedVersion) {
      const current = rows.get(id);
      if ((current?.version ?? 0) !== expectedVersion) return false;
      rows.set(id, { ...sealed, version: expectedVersion + 1 });
      return true;
    },
    markReconnectNeeded: async (id, reason) => void reconnect.set(id, reason),
  };
  return { store, rows, reconnect };
}

describe('tokens at rest and serialized refresh', () => {
  let sandbox: Sandbox;
  let sellerId: number;
  const prefix = `test-mltokens-${process.pid}`;
  const redisA = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const redisB = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

  beforeAll(async () => {
    sandbox = await startSandbox({ applications: [APP] });
    sellerId = sandbox.generateSeller({ nickname: 'TOKENS_SELLER', items: 1, orders: 1, questions: 1, seed: 5 }).id;
  });
  afterAll(async () => {
    await sandbox?.close();
    const keys = await redisA.keys(`${prefix}:*`);
    if (keys.length) await redisA.del(...keys);
    redisA.disconnect();
    redisB.disconnect();
  });

  const oauthFor = (redis: Redis) =>
    createOAuth({ redis, prefix, apiBaseUrl: sandbox.url, clientId: APP.clientId, clientSecret: APP.clientSecret, redirectUri: 'http://localhost/cb', retry: { retries: 0 } });

  function seedAccount(accountId: string, expiresInMs: number) {
    const memory = memoryStore();
    const issued = sandbox.issueTokens(sellerId, APP.clientId);
    memory.rows.set(accountId, {
      ...sealTokens({ accessToken: issued.access_token, refreshToken: issued.refresh_token!, expiresAt: new Date(Date.now() + expiresInMs) }, ring, accountId),
      version: 1,
    });
    return memory;
  }

  it('seals with the current key, opens with any configured key, and binds each token to its account', () => {
    const sealed = sealTokens({ accessToken: 'APP_USR-a', refreshToken: 'TG-r', expiresAt: new Date() }, ring, 'acc1');
    expect(sealed.keyId).toBe('k2');
    expect(sealed.accessTokenEnc).not.toContain('APP_USR');
    expect(openTokens(sealed, ring, 'acc1')).toEqual({ accessToken: 'APP_USR-a', refreshToken: 'TG-r' });
    expect(() => openTokens(sealed, ring, 'acc2')).toThrow(DecryptionError);
    expect(() => openTokens({ accessTokenEnc: sealed.refreshTokenEnc, refreshTokenEnc: sealed.accessTokenEnc }, ring, 'acc1')).toThrow(DecryptionError);
    const rotated: KeyRing = { currentKeyId: 'k3', keys: new Map([['k3', Buffer.alloc(32, 3)], ...ring.keys]) };
    expect(openTokens(sealed, rotated, 'acc1').accessToken).toBe('APP_USR-a');
  });

  it('serves a fresh token without calling ML, and refreshes one that is about to expire', async () => {
    const fresh = seedAccount('acc-fresh', 3 * 3600_000);
    const before = sandbox.stats().tokenGrants.refresh_token;
    const manager = createTokenManager({ redis: redisA, prefix, store: fresh.store, oauth: oauthFor(redisA), keyRing: ring });
    await manager.accessToken('acc-fresh');
    expect(sandbox.stats().tokenGrants.refresh_token).toBe(before);

    const due = seedAccount('acc-due', 60_000);
    const dueManager = createTokenManager({ redis: redisA, prefix, store: due.store, oauth: oauthFor(redisA), keyRing: ring });
    const token = await dueManager.accessToken('acc-due');
    expect(sandbox.stats().tokenGrants.refresh_token).toBe(before + 1);
    expect(due.rows.get('acc-due')!.version).toBe(2);
    expect(openTokens(due.rows.get('acc-due')!, ring, 'acc-due').accessToken).toBe(token);
  });

  it('makes exactly one token call when two workers refresh at once, and both get the new token', async () => {
    const shared = seedAccount('acc-race', 60_000);
    const before = sandbox.stats().tokenGrants.refresh_token;
    const workerA = createTokenManager({ redis: redisA, prefix, store: shared.store, oauth: oauthFor(redisA), keyRing: ring });
    const workerB = createTokenManager({ redis: redisB, prefix, store: shared.store, oauth: oauthFor(redisB), keyRing: ring });
    const tokens = await Promise.all([workerA.refresh('acc-race', { force: true }), workerB.refresh('acc-race', { force: true }), workerA.accessToken('acc-race'), workerB.accessToken('acc-race')]);
    expect(sandbox.stats().tokenGrants.refresh_token).toBe(before + 1);
    expect(new Set(tokens).size).toBe(1);
    // The rotated refresh token is the one stored: the next refresh works.
    await workerB.refresh('acc-race', { force: true });
    expect(sandbox.stats().tokenGrants.refresh_token).toBe(before + 2);
  });

  it('marks the account "reconnect needed" when ML refuses the grant for good', async () => {
    const revoked = seedAccount('acc-revoked', 60_000);
    sandbox.control.revokeGrant(sellerId);
    const manager = createTokenManager({ redis: redisA, prefix, store: revoked.store, oauth: oauthFor(redisA), keyRing: ring });
    await expect(manager.accessToken('acc-revoked')).rejects.toBeInstanceOf(MlReconnectNeededError);
    expect(revoked.reconnect.get('acc-revoked')).toMatch(/connect the account again/i);
  });
});
