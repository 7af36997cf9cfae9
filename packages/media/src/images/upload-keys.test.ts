import { describe, expect, it } from 'vitest';
import { isValidKey } from '../storage/keys.ts';
import { isUploadKeyOf, newUploadKey } from './upload-keys.ts';

describe('upload keys', () => {
  it('gives each upload a new valid key inside its store and purpose', () => {
    const a = newUploadKey('tenant_1', 'product');
    expect(a).toMatch(/^tenants\/tenant_1\/product\/[0-9a-f-]{36}$/);
    expect(newUploadKey('tenant_1', 'product')).not.toBe(a);
    expect(isValidKey(a)).toBe(true);
    expect(isUploadKeyOf(a, 'tenant_1', 'product')).toBe(true);
  });

  it("does not accept another store's key, another purpose or a crafted path", () => {
    const key = newUploadKey('tenant_1', 'product');
    expect(isUploadKeyOf(key, 'tenant_2', 'product')).toBe(false);
    expect(isUploadKeyOf(key, 'tenant_1', 'logo')).toBe(false);
    expect(isUploadKeyOf(`${key}/160.webp`, 'tenant_1', 'product')).toBe(false);
    expect(isUploadKeyOf('tenants/tenant_1/product/../../tenant_2/product/x', 'tenant_1', 'product')).toBe(false);
    expect(() => newUploadKey('../x', 'logo')).toThrow();
  });
});
