import { hashPassword, verifyPassword } from '@vitrine/core/passwords';

// argon2id hashing lives in @vitrine/core, shared with the admin CLI.
export { hashPassword, verifyPassword };

// Computed once, lazily: verifying against it costs what a real verification costs.
let dummyHash: Promise<string> | undefined;

/**
 * Checks a password for a user who may not exist. When there is no stored hash it still runs
 * one argon2 verification, so the response time does not tell which emails have an account.
 */
export async function verifyPasswordOrDummy(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (passwordHash) return verifyPassword(passwordHash, password);
  dummyHash ??= hashPassword('vitrine-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
