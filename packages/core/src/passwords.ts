import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashing, shared by everything that sets or checks a password (the web app's sign-in and sign-up,
 * the admin CLI): argon2id (the library's default algorithm) with OWASP's recommended cost.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
