import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword, verifyPasswordOrDummy } from './passwords.ts';

describe('passwords', () => {
  it('hashes with argon2id at the OWASP cost, salted, and rejects a wrong password', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(first, 'wrong horse battery')).toBe(false);
  });

  it('treats a malformed stored hash as a failed check instead of throwing', async () => {
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });

  it('still refuses, after a real argon2 verification, when the user has no password', async () => {
    expect(await verifyPasswordOrDummy(null, 'anything')).toBe(false);
    expect(await verifyPasswordOrDummy(undefined, 'vitrine-dummy-password-for-timing')).toBe(false);
    const stored = await hashPassword('pw-123456');
    expect(await verifyPasswordOrDummy(stored, 'pw-123456')).toBe(true);
  });
});
