import { decryptSecret, encryptSecret, type KeyRing } from '@vitrine/core/crypto';

export interface SealedTokens {
  accessTokenEnc: string;
  refreshTokenEnc: string;
  /** The key that sealed them, so rows sealed with an old key can be found and re-sealed. */
  keyId: string;
  expiresAt: Date;
}

export interface PlainTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
}

// The associated data binds each ciphertext to its account and role: a sealed token copied to another
// account's row, or an access token swapped with the refresh token, no longer decrypts.
const aad = (accountId: string, kind: 'access' | 'refresh') => `ml-token:${kind}:${accountId}`;

export function sealTokens(tokens: PlainTokens, keyRing: KeyRing, accountId: string): SealedTokens {
  return {
    accessTokenEnc: encryptSecret(tokens.accessToken, keyRing, aad(accountId, 'access')),
    refreshTokenEnc: encryptSecret(tokens.refreshToken, keyRing, aad(accountId, 'refresh')),
    keyId: keyRing.currentKeyId,
    expiresAt: tokens.expiresAt,
  };
}

export function openTokens(row: Pick<SealedTokens, 'accessTokenEnc' | 'refreshTokenEnc'>, keyRing: KeyRing, accountId: string) {
  return {
    accessToken: decryptSecret(row.accessTokenEnc, keyRing, aad(accountId, 'access')),
    refreshToken: decryptSecret(row.refreshTokenEnc, keyRing, aad(accountId, 'refresh')),
  };
}
