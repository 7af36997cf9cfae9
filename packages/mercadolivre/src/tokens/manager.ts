import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { KeyRing } from '@vitrine/core/crypto';
import { MlInvalidGrantError, MlReconnectNeededError } from '../errors.ts';
import type { MlOAuth } from '../oauth/oauth.ts';
import { openTokens, sealTokens, type SealedTokens } from './seal.ts';

export interface StoredTokens extends SealedTokens {
  /** Bumped on every save; a save names the version it read (compare-and-set). */
  version: number;
}

/** Where an account's sealed tokens live (Postgres, through the tenant's scoped client). */
export interface TokenStore {
  load(accountId: string): Promise<StoredTokens | null>;
  /** Writes only over `expectedVersion`; false when someone else wrote first. */
  save(accountId: string, sealed: SealedTokens, expectedVersion: number): Promise<boolean>;
  markReconnectNeeded(accountId: string, reason: string): Promise<void>;
}

export interface TokenManagerOptions {
  redis: Redis;
  prefix: string;
  store: TokenStore;
  oauth: Pick<MlOAuth, 'refresh'>;
  keyRing: KeyRing;
  /** Refresh this long before expiry (ML recommends refreshing only near expiry). */
  refreshAheadMs?: number;
  /** The lock outlives a stuck holder by at most this long. */
  lockTtlMs?: number;
  /** How long a waiter waits for the holder's new token before giving up. */
  waitTimeoutMs?: number;
  now?: () => number;
}

// Deletes the lock only if we still hold it (another holder may have it after our TTL ran out).
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * Access tokens for ML accounts. A refresh token works once, so refreshing is serialized per account
 * with a Redis lock across every process: the holder makes the one token call and saves the new pair;
 * everyone else waits for the stored version to change and uses what the holder saved.
 */
export function createTokenManager(options: TokenManagerOptions) {
  const refreshAheadMs = options.refreshAheadMs ?? 5 * 60_000;
  const lockTtlMs = options.lockTtlMs ?? 30_000;
  const waitTimeoutMs = options.waitTimeoutMs ?? lockTtlMs + 5_000;
  const now = options.now ?? Date.now;
  const lockKey = (accountId: string) => `${options.prefix}:ml:refresh-lock:${accountId}`;

  async function loadOrFail(accountId: string): Promise<StoredTokens> {
    const stored = await options.store.load(accountId);
    if (!stored) throw new MlReconnectNeededError(accountId, 'no tokens are stored for this account');
    return stored;
  }

  async function refreshHolding(accountId: string, stored: StoredTokens): Promise<string> {
    const { refreshToken } = openTokens(stored, options.keyRing, accountId);
    let fresh;
    try {
      fresh = await options.oauth.refresh(refreshToken);
    } catch (error) {
      if (error instanceof MlInvalidGrantError) {
        const reason = 'Mercado Livre no longer accepts this connection (the seller revoked it, changed the password, or it expired). Connect the account again.';
        await options.store.markReconnectNeeded(accountId, reason);
        throw new MlReconnectNeededError(accountId, reason);
      }
      throw error;
    }
    const sealed = sealTokens(
      { accessToken: fresh.access_token, refreshToken: fresh.refresh_token ?? refreshToken, expiresAt: new Date(now() + fresh.expires_in * 1000) },
      options.keyRing,
      accountId,
    );
    if (!(await options.store.save(accountId, sealed, stored.version))) {
      // Only a lock holder refreshes, so this means the lock expired under a very slow call. The new
      // refresh token is the only valid one now: keep it rather than lose the connection.
      const current = await loadOrFail(accountId);
      await options.store.save(accountId, sealed, current.version);
    }
    return fresh.access_token;
  }

  async function waitForNewer(accountId: string, version: number): Promise<StoredTokens | null> {
    const deadline = now() + waitTimeoutMs;
    while (now() < deadline) {
      await sleep(50);
      const stored = await loadOrFail(accountId);
      if (stored.version !== version) return stored;
      if (!(await options.redis.exists(lockKey(accountId)))) return null;
    }
    return null;
  }

  async function refresh(accountId: string, { force = false, seenVersion }: { force?: boolean; seenVersion?: number } = {}): Promise<string> {
    for (;;) {
      const stored = await loadOrFail(accountId);
      // A forced refresh is satisfied by any refresh that lands after the caller asked.
      if (force) seenVersion ??= stored.version;
      const fresh = stored.expiresAt.getTime() - now() > refreshAheadMs;
      // Someone refreshed since the caller looked, or nothing needs doing.
      if (stored.version !== (seenVersion ?? stored.version) || (!force && fresh)) {
        return openTokens(stored, options.keyRing, accountId).accessToken;
      }
      const owner = randomUUID();
      const acquired = await options.redis.set(lockKey(accountId), owner, 'PX', lockTtlMs, 'NX');
      if (acquired) {
        try {
          // Re-read under the lock: the previous holder may have just saved a new pair.
          const current = await loadOrFail(accountId);
          if (current.version !== stored.version) return openTokens(current, options.keyRing, accountId).accessToken;
          return await refreshHolding(accountId, current);
        } finally {
          await options.redis.eval(RELEASE, 1, lockKey(accountId), owner);
        }
      }
      const newer = await waitForNewer(accountId, stored.version);
      if (newer) return openTokens(newer, options.keyRing, accountId).accessToken;
      seenVersion = undefined;
      // The holder gave up without saving (its call failed): try ourselves.
    }
  }

  return {
    /** A usable access token, refreshed first when it expires within refreshAheadMs. */
    async accessToken(accountId: string): Promise<string> {
      const stored = await loadOrFail(accountId);
      if (stored.expiresAt.getTime() - now() > refreshAheadMs) return openTokens(stored, options.keyRing, accountId).accessToken;
      return refresh(accountId, { seenVersion: stored.version });
    },
    /** Refreshes now (force) or when due; concurrent callers share one token call. */
    refresh: (accountId: string, input: { force?: boolean } = {}) => refresh(accountId, input),
    /** After a 401: refresh, unless another caller's refresh lands meanwhile (then its token). */
    refreshAfterRejection: (accountId: string) => refresh(accountId, { force: true }),
  };
}

export type TokenManager = ReturnType<typeof createTokenManager>;
