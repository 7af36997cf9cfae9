import { createHash, randomBytes } from 'node:crypto';

/**
 * Buyer tokens. The cart token is an opaque random value the web keeps in a cookie and passes to the cart and
 * checkout procedures; the server stores only its SHA-256. The tracking token goes in the buyer's tracking link.
 */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;

/** 32 random bytes, base64url (43 characters). */
export function newBuyerToken(): string {
  return randomBytes(32).toString('base64url');
}

export function cartSessionHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
