import { describe, expect, it } from 'vitest';
import { DecryptionError, decryptSecret, encryptSecret, keyIdOf, type KeyRing } from './crypto.ts';

const ring = (current: string, ...ids: string[]): KeyRing => ({
  currentKeyId: current,
  keys: new Map(ids.map((id, i) => [id, Buffer.alloc(32, i + 1)])),
});

describe('encryptSecret / decryptSecret', () => {
  it('round-trips and never repeats a ciphertext', () => {
    const keys = ring('k1', 'k1');
    const a = encryptSecret('postgres://secret', keys);
    const b = encryptSecret('postgres://secret', keys);
    expect(a).not.toEqual(b);
    expect(a).not.toContain('secret');
    expect(decryptSecret(a, keys)).toBe('postgres://secret');
  });

  it('decrypts values sealed with an older key after rotation, and seals new ones with the current key', () => {
    const before = ring('k1', 'k1');
    const sealed = encryptSecret('token', before);
    const after: KeyRing = { currentKeyId: 'k2', keys: new Map([...before.keys, ['k2', Buffer.alloc(32, 9)]]) };
    expect(decryptSecret(sealed, after)).toBe('token');
    expect(keyIdOf(encryptSecret('token', after))).toBe('k2');
  });

  it('refuses a tampered value, a value bound to other associated data, and an unknown key', () => {
    const keys = ring('k1', 'k1');
    const sealed = encryptSecret('token', keys, 'tenant-a');
    const parts = sealed.split('.');
    parts[4] = Buffer.from('forged').toString('base64url');
    expect(() => decryptSecret(parts.join('.'), keys, 'tenant-a')).toThrow(DecryptionError);
    expect(() => decryptSecret(sealed, keys, 'tenant-b')).toThrow(DecryptionError);
    expect(() => decryptSecret(sealed, ring('k9', 'k9'), 'tenant-a')).toThrow(/k1 is not configured/);
    expect(() => decryptSecret('plain text', keys)).toThrow(DecryptionError);
  });
});
