import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidStorageKeyError } from './keys.ts';
import { LocalDiskStorage } from './local-disk.ts';
import { resolveStorageDir } from './storage-dir.ts';
import { objectStorageContract } from '../testing/object-storage-contract.ts';

let dir: string;
let storage: LocalDiskStorage;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitrine-storage-'));
  storage = new LocalDiskStorage({ root: join(dir, 'store'), publicBaseUrl: '/media/' });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('LocalDiskStorage', () => {
  objectStorageContract(() => ({ storage, publicBaseUrl: '/media/' }));

  it('leaves no temporary files behind after writes', async () => {
    await Promise.all([1, 2, 3].map((n) => storage.put('same/key.bin', Buffer.alloc(1000, n), 'application/octet-stream')));
    expect(await readdir(join(dir, 'store', 'objects', 'same'))).toEqual(['key.bin']);
    expect((await storage.get('same/key.bin'))!.body.length).toBe(1000);
  });

  it('cannot read a file next to the storage directory through a crafted key', async () => {
    await writeFile(join(dir, 'secret.txt'), 'secret');
    await expect(storage.get('../../secret.txt')).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.get('..%2F..%2Fsecret.txt')).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });

  it('gives the public address under the media path', () => {
    expect(storage.publicUrl('tenants/t1/logo/x/480.webp')).toBe('/media/tenants/t1/logo/x/480.webp');
  });
});

describe('resolveStorageDir', () => {
  it('keeps an absolute directory and reads a relative one from the repository root', () => {
    expect(resolveStorageDir('/srv/media')).toBe('/srv/media');
    const root = resolveStorageDir('.', __dirname);
    expect(resolveStorageDir('./.data/storage', __dirname)).toBe(join(root, '.data', 'storage'));
    expect(root.endsWith('packages/media')).toBe(false);
  });
});
