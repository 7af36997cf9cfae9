import type { TenantClient } from '@vitrine/db';
import type { SealedTokens } from '../tokens/seal.ts';
import type { StoredTokens, TokenStore } from '../tokens/manager.ts';

/** The TokenStore over Postgres: ml_tokens (compare-and-set on version) and ml_accounts' status. */
export function prismaTokenStore(tenantDb: TenantClient): TokenStore {
  return {
    async load(accountId): Promise<StoredTokens | null> {
      const row = await tenantDb.mlToken.findUnique({ where: { accountId } });
      return row && { accessTokenEnc: row.accessTokenEnc, refreshTokenEnc: row.refreshTokenEnc, keyId: row.keyId, expiresAt: row.expiresAt, version: row.version };
    },
    async save(accountId, sealed: SealedTokens, expectedVersion) {
      const { count } = await tenantDb.mlToken.updateMany({
        where: { accountId, version: expectedVersion },
        data: { ...sealed, version: expectedVersion + 1, refreshedAt: new Date() },
      });
      return count === 1;
    },
    async markReconnectNeeded(accountId, reason) {
      await tenantDb.mlAccount.update({ where: { id: accountId }, data: { status: 'RECONNECT_NEEDED', statusReason: reason } });
    },
  };
}
