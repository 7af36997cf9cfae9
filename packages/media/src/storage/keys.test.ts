import { describe, expect, it } from 'vitest';
import { isPublicKey, isValidKey } from './keys.ts';

describe('storage keys', () => {
  it('serves product images and logos publicly, never a store’s data exports', () => {
    expect(isPublicKey('tenants/t1/products/abc.webp')).toBe(true);
    expect(isPublicKey('tenants/t1/logo/abc.png')).toBe(true);
    expect(isValidKey('tenants/t1/exports/4f1c.zip')).toBe(true);
    expect(isPublicKey('tenants/t1/exports/4f1c.zip')).toBe(false);
    expect(isPublicKey('tenants/t1/exports')).toBe(false);
  });

  it('refuses malformed keys', () => {
    expect(isPublicKey('../etc/passwd')).toBe(false);
    expect(isPublicKey('tenants//x')).toBe(false);
  });
});
