import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { objectStorageContract, INVALID_KEYS } from '../testing/object-storage-contract.ts';
import { startS3StandIn, type S3StandIn } from '../testing/s3-stand-in.ts';
import { InvalidStorageKeyError } from './keys.ts';
import { ObjectStorageRequestError, S3Storage, type S3StorageOptions } from './s3-storage.ts';

const CDN = 'https://cdn.example.test/media';

let server: S3StandIn;
const clients: S3Storage[] = [];

beforeAll(async () => {
  server = await startS3StandIn({ bucket: 'vitrine-media', accessKeyId: 'AKIDVITRINETEST', secretAccessKey: 'the-right-secret-for-tests' });
});
afterAll(() => server.close());

/** A storage talking to the stand-in, with the right key pair unless told otherwise. */
function s3Storage(overrides: Partial<S3StorageOptions> = {}): S3Storage {
  const storage = new S3Storage({
    bucket: server.bucket,
    region: server.region,
    endpoint: server.endpoint,
    forcePathStyle: true,
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    publicBaseUrl: `${CDN}/`,
    ...overrides,
  });
  clients.push(storage);
  return storage;
}

let storage: S3Storage;
beforeEach(() => {
  storage = s3Storage();
});
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

describe('S3Storage against an S3-compatible server', () => {
  objectStorageContract(() => ({ storage, publicBaseUrl: CDN }));

  it('stores the object in the bucket under its key, with its content type and a long-lived cache header', async () => {
    await storage.put('tenants/t9/products/p/480.webp', Buffer.from('image bytes'), 'image/webp');
    const stored = server.objects.get('tenants/t9/products/p/480.webp');
    expect(stored?.body.toString()).toBe('image bytes');
    expect(stored?.contentType).toBe('image/webp');
    expect(stored?.cacheControl).toBe('public, max-age=31536000, immutable');
  });

  it('gives the CDN address of a key, encoded segment by segment', () => {
    expect(storage.publicUrl('tenants/t1/logo/x/480.webp')).toBe('https://cdn.example.test/media/tenants/t1/logo/x/480.webp');
  });

  it('refuses an invalid key before sending anything', async () => {
    const before = server.requestCount();
    for (const key of INVALID_KEYS) {
      await expect(storage.put(key, Buffer.from('x'), 'text/plain')).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
    expect(server.requestCount()).toBe(before);
  });

  it('is refused by the server when signing with the wrong secret, for writes and reads alike', async () => {
    await storage.put('signed/by-right-key.txt', Buffer.from('kept'), 'text/plain');
    const impostor = s3Storage({ secretAccessKey: 'a-wrong-secret' });

    const write = impostor.put('signed/by-wrong-key.txt', Buffer.from('x'), 'text/plain');
    await expect(write).rejects.toBeInstanceOf(ObjectStorageRequestError);
    await expect(write).rejects.toThrow(/SignatureDoesNotMatch \(HTTP 403\)/);
    expect(server.objects.has('signed/by-wrong-key.txt')).toBe(false);

    // A refused read is an error, never "no such object".
    await expect(impostor.get('signed/by-right-key.txt')).rejects.toThrow(/SignatureDoesNotMatch/);
    await expect(impostor.delete('signed/by-right-key.txt')).rejects.toThrow(/SignatureDoesNotMatch/);
    expect((await storage.get('signed/by-right-key.txt'))?.body.toString()).toBe('kept');
  });

  it('is refused with an unknown access key', async () => {
    await expect(s3Storage({ accessKeyId: 'AKIDUNKNOWN' }).get('any/key')).rejects.toThrow(/InvalidAccessKeyId \(HTTP 403\)/);
  });

  it('treats a missing bucket as an error, not as a missing object', async () => {
    const elsewhere = s3Storage({ bucket: 'no-such-bucket' });
    await expect(elsewhere.get('tenants/t1/x.webp')).rejects.toThrow(/NoSuchBucket \(HTTP 404\)/);
    await expect(elsewhere.put('tenants/t1/x.webp', Buffer.from('x'), 'image/webp')).rejects.toThrow(/in bucket no-such-bucket/);
  });
});
