import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's recommended cost.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

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
