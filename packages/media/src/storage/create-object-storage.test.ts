import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3StandIn, type S3StandIn } from '../testing/s3-stand-in.ts';
import { createObjectStorage, StorageConfigError } from './create-object-storage.ts';
import { LocalDiskStorage } from './local-disk.ts';
import { S3Storage } from './s3-storage.ts';

let dir: string;
let server: S3StandIn;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitrine-storage-factory-'));
  server = await startS3StandIn({ bucket: 'media', accessKeyId: 'AKIDFACTORY', secretAccessKey: 'factory-secret' });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const local = { localPublicBaseUrl: '/media' };

describe('createObjectStorage', () => {
  it('keeps files on local disk under STORAGE_DIR when no driver is chosen', async () => {
    const storage = createObjectStorage({ STORAGE_DIR: dir }, local);
    expect(storage).toBeInstanceOf(LocalDiskStorage);
    await storage.put('x/y.txt', Buffer.from('on disk'), 'text/plain');
    expect(await readFile(join(dir, 'objects', 'x', 'y.txt'), 'utf8')).toBe('on disk');
    expect(storage.publicUrl('x/y.txt')).toBe('/media/x/y.txt');
  });

  it('uses the S3 bucket the S3_* variables describe when STORAGE_DRIVER=s3', async () => {
    const storage = createObjectStorage(
      {
        STORAGE_DRIVER: 's3',
        STORAGE_DIR: dir,
        S3_BUCKET: server.bucket,
        S3_REGION: server.region,
        S3_ENDPOINT: server.endpoint,
        S3_FORCE_PATH_STYLE: true,
        S3_ACCESS_KEY_ID: server.accessKeyId,
        S3_SECRET_ACCESS_KEY: server.secretAccessKey,
        S3_PUBLIC_BASE_URL: 'https://cdn.example.test',
      },
      local,
    );
    expect(storage).toBeInstanceOf(S3Storage);
    await storage.put('x/y.txt', Buffer.from('in the bucket'), 'text/plain');
    expect(server.objects.get('x/y.txt')?.body.toString()).toBe('in the bucket');
    expect(storage.publicUrl('x/y.txt')).toBe('https://cdn.example.test/x/y.txt');
    (storage as S3Storage).close();
  });

  it('names every missing S3 variable', () => {
    const make = () => createObjectStorage({ STORAGE_DRIVER: 's3', STORAGE_DIR: dir, S3_BUCKET: 'media', S3_REGION: 'auto' }, local);
    expect(make).toThrow(StorageConfigError);
    expect(make).toThrow('S3_ACCESS_KEY_ID is missing, S3_SECRET_ACCESS_KEY is missing, S3_PUBLIC_BASE_URL is missing (required when STORAGE_DRIVER=s3)');
  });
});
