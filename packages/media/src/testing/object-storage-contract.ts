import { expect, it } from 'vitest';
import { InvalidStorageKeyError } from '../storage/keys.ts';
import type { ObjectStorage } from '../storage/object-storage.ts';

export interface ContractSubject {
  storage: ObjectStorage;
  /** The base its publicUrl answers under. */
  publicBaseUrl: string;
}

/** Keys every backend must refuse for every operation, before touching disk or network. */
export const INVALID_KEYS = ['../outside', 'a/../../outside', '/etc/passwd', 'a//b', 'a/./b', '.hidden', 'a/.', 'a\\..\\b', 'a/b\0c', '', 'a/ b'];

/**
 * What every ObjectStorage promises (object-storage.ts), as tests to run inside a backend's own `describe`.
 * `subject` is read in each test, so the backend's beforeEach can give a fresh storage every time.
 */
export function objectStorageContract(subject: () => ContractSubject): void {
  it('stores, reads back with its content type, replaces and deletes an object', async () => {
    const { storage } = subject();
    await storage.put('tenants/t1/products/a/160.webp', Buffer.from('first'), 'image/webp');
    expect(await storage.get('tenants/t1/products/a/160.webp')).toEqual({ body: Buffer.from('first'), contentType: 'image/webp' });

    await storage.put('tenants/t1/products/a/160.webp', Buffer.from('second'), 'image/png');
    expect(await storage.get('tenants/t1/products/a/160.webp')).toEqual({ body: Buffer.from('second'), contentType: 'image/png' });

    await storage.delete('tenants/t1/products/a/160.webp');
    expect(await storage.get('tenants/t1/products/a/160.webp')).toBeNull();
    await expect(storage.delete('tenants/t1/products/a/160.webp')).resolves.toBeUndefined();
  });

  it('answers null for a key never written, and for a key under an existing object', async () => {
    const { storage } = subject();
    expect(await storage.get('nothing/here.webp')).toBeNull();
    await storage.put('a/file', Buffer.from('x'), 'text/plain');
    expect(await storage.get('a/file/below')).toBeNull();
  });

  it('keeps every byte of a binary object, and an empty one', async () => {
    const { storage } = subject();
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));
    await storage.put('bin/all-bytes.bin', bytes, 'application/octet-stream');
    await storage.put('bin/empty.bin', Buffer.alloc(0), 'application/octet-stream');
    expect((await storage.get('bin/all-bytes.bin'))?.body.equals(bytes)).toBe(true);
    expect(await storage.get('bin/empty.bin')).toEqual({ body: Buffer.alloc(0), contentType: 'application/octet-stream' });
  });

  it('keeps keys that differ only by suffix or case apart', async () => {
    const { storage } = subject();
    await storage.put('k/name', Buffer.from('plain'), 'text/plain');
    await storage.put('k/name.webp', Buffer.from('webp'), 'image/webp');
    await storage.put('k/Name', Buffer.from('upper'), 'text/plain');
    await storage.delete('k/name');
    expect(await storage.get('k/name')).toBeNull();
    expect((await storage.get('k/name.webp'))?.body.toString()).toBe('webp');
    expect((await storage.get('k/Name'))?.body.toString()).toBe('upper');
  });

  it('ends with one whole object when writes to a key race', async () => {
    const { storage } = subject();
    const bodies = [1, 2, 3].map((n) => Buffer.alloc(1000, n));
    await Promise.all(bodies.map((body) => storage.put('same/key.bin', body, 'application/octet-stream')));
    const stored = await storage.get('same/key.bin');
    expect(bodies.some((body) => stored?.body.equals(body))).toBe(true);
  });

  it.each(INVALID_KEYS)('refuses the key %j for every operation', async (key) => {
    const { storage } = subject();
    await expect(storage.put(key, Buffer.from('x'), 'text/plain')).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    expect(() => storage.publicUrl(key)).toThrow(InvalidStorageKeyError);
  });

  it('gives the public address of a key under its base', () => {
    const { storage, publicBaseUrl } = subject();
    expect(storage.publicUrl('tenants/t1/logo/x/480.webp')).toBe(`${publicBaseUrl.replace(/\/+$/, '')}/tenants/t1/logo/x/480.webp`);
  });
}
