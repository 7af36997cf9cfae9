import { hashPassword, verifyPassword } from '@vitrine/core/passwords';

export { hashPassword };

let dummyHash: Promise<string> | undefined;

/**
 * Checks a buyer's password when the account may not exist: without a stored hash it still runs one argon2
 * verification, so the time of the answer does not tell which emails have an account at the store.
 */
export async function verifyPasswordOrDummy(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (passwordHash) return verifyPassword(passwordHash, password);
  dummyHash ??= hashPassword('vitrine-buyer-dummy-password');
  await verifyPassword(await dummyHash, password);
  return false;
}
