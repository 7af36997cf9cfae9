import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for secrets at rest (dedicated database URLs, TOTP secrets, Mercado Livre tokens).
 * Format: "v1.<keyId>.<iv b64url>.<tag b64url>.<ciphertext b64url>" — the key id travels with the
 * value so keys can rotate: the current key encrypts, every configured key decrypts.
 */
export interface KeyRing {
  currentKeyId: string;
  keys: Map<string, Buffer>;
}

export class DecryptionError extends Error {
  override name = 'DecryptionError';
}

export function encryptSecret(plaintext: string, ring: KeyRing, associatedData = ''): string {
  const key = ring.keys.get(ring.currentKeyId);
  if (!key) throw new Error(`Encryption key ${ring.currentKeyId} is not configured`);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ['v1', ring.currentKeyId, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
}

export function decryptSecret(sealed: string, ring: KeyRing, associatedData = ''): string {
  const [version, keyId, iv, tag, ciphertext] = sealed.split('.');
  if (version !== 'v1' || !keyId || !iv || !tag || ciphertext === undefined) {
    throw new DecryptionError('Not an encrypted value');
  }
  const key = ring.keys.get(keyId);
  if (!key) throw new DecryptionError(`Encryption key ${keyId} is not configured`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new DecryptionError('Encrypted value was tampered with or the key is wrong');
  }
}

/** The key id a sealed value was encrypted with, to find values that still need re-encryption. */
export function keyIdOf(sealed: string): string | undefined {
  return sealed.split('.')[1];
}
