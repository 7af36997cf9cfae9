import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { keySegments, keyUrl } from './keys.ts';
import type { ObjectStorage } from './object-storage.ts';

export interface S3StorageOptions {
  bucket: string;
  /** The bucket's region (`auto` for Cloudflare R2, usually `us-east-1` for MinIO). */
  region: string;
  /** Base URL of an S3-compatible service (MinIO, R2, ...); leave out for AWS S3 itself. */
  endpoint?: string;
  /** `/<bucket>/<key>` addresses instead of `<bucket>.<host>/<key>`: what MinIO and most self-hosted services expect. */
  forcePathStyle?: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  /** Where browsers fetch objects from: the CDN (or public bucket URL) in front of the bucket. */
  publicBaseUrl: string;
  /** Sent with every object; keys are never reused (each upload gets a new one), so a year and immutable by default. */
  cacheControl?: string;
}

/** A request to the bucket failed for a reason other than a missing object. */
export class ObjectStorageRequestError extends Error {
  override name = 'ObjectStorageRequestError';
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Objects in an S3-compatible bucket, served to browsers through `publicBaseUrl`. A PUT replaces an object whole,
 * so readers see the old object or the new one. Keys are checked (keys.ts) before any request is made.
 */
export class S3Storage implements ObjectStorage {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly publicBaseUrl: string;
  private readonly cacheControl: string;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.publicBaseUrl = options.publicBaseUrl;
    this.cacheControl = options.cacheControl ?? IMMUTABLE;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle ?? false,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // Only the checksums S3 requires: many S3-compatible services refuse the SDK's optional CRC32 headers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    const Key = this.objectKey(key);
    // A Buffer body has a known length, so the SDK signs it whole (no aws-chunked streaming upload).
    await this.send('store', key, () =>
      this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key, Body: body, ContentType: contentType, CacheControl: this.cacheControl })),
    );
  }

  async get(key: string): Promise<{ body: Buffer; contentType: string } | null> {
    const Key = this.objectKey(key);
    return this.send('read', key, async () => {
      try {
        const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key }));
        const bytes = response.Body ? await response.Body.transformToByteArray() : new Uint8Array();
        return { body: Buffer.from(bytes), contentType: response.ContentType || 'application/octet-stream' };
      } catch (error) {
        if (isMissingObject(error)) return null;
        throw error;
      }
    });
  }

  async delete(key: string): Promise<void> {
    const Key = this.objectKey(key);
    // S3 answers 204 whether or not the object existed.
    await this.send('delete', key, () => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key })));
  }

  publicUrl(key: string): string {
    return keyUrl(this.publicBaseUrl, key);
  }

  /** Closes the client's connections (the process can also just exit). */
  close(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    return keySegments(key).join('/');
  }

  private async send<T>(action: string, key: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      const service = serviceError(error);
      const reason = service ? `${service.name} (HTTP ${service.status ?? '?'})` : String(error);
      throw new ObjectStorageRequestError(`Could not ${action} ${key} in bucket ${this.bucket}: ${reason}`, { cause: error });
    }
  }
}

/** NoSuchKey, or a bodiless 404 for the object; a missing bucket is a configuration error, never "no object". */
function isMissingObject(error: unknown): boolean {
  const service = serviceError(error);
  return service?.name === 'NoSuchKey' || (service?.status === 404 && service.name === 'NotFound');
}

/** The error code and HTTP status of an error the service answered with (read by shape, not by class identity). */
function serviceError(error: unknown): { name: string; status: number | undefined } | null {
  if (!(error instanceof Error) || !('$metadata' in error)) return null;
  const metadata = error.$metadata as { httpStatusCode?: number } | undefined;
  return { name: error.name, status: metadata?.httpStatusCode };
}
