import { LocalDiskStorage } from './local-disk.ts';
import type { ObjectStorage } from './object-storage.ts';
import { S3Storage } from './s3-storage.ts';
import { resolveStorageDir } from './storage-dir.ts';

/** The storage variables as the environment schema (packages/core/src/env.ts) parses them. */
export interface StorageSettings {
  /** `local` (the default) keeps files under STORAGE_DIR; `s3` uses the S3_* bucket. */
  STORAGE_DRIVER?: 'local' | 's3';
  STORAGE_DIR: string;
  S3_BUCKET?: string;
  S3_REGION?: string;
  S3_ENDPOINT?: string;
  S3_FORCE_PATH_STYLE?: boolean;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_PUBLIC_BASE_URL?: string;
}

/** The variables STORAGE_DRIVER=s3 cannot do without (S3_ENDPOINT is left out for AWS S3 itself). */
export const S3_REQUIRED = ['S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_PUBLIC_BASE_URL'] as const;

/** A storage variable the chosen driver needs is missing. */
export class StorageConfigError extends Error {
  override name = 'StorageConfigError';
}

/**
 * The storage the settings choose. `localPublicBaseUrl` is where the app serves local files (its media route);
 * S3 objects are served from S3_PUBLIC_BASE_URL.
 */
export function createObjectStorage(settings: StorageSettings, options: { localPublicBaseUrl: string }): ObjectStorage {
  if ((settings.STORAGE_DRIVER ?? 'local') === 'local') {
    return new LocalDiskStorage({ root: resolveStorageDir(settings.STORAGE_DIR), publicBaseUrl: options.localPublicBaseUrl });
  }
  const s3 = requireS3Settings(settings);
  return new S3Storage({
    bucket: s3.S3_BUCKET,
    region: s3.S3_REGION,
    endpoint: settings.S3_ENDPOINT || undefined,
    forcePathStyle: settings.S3_FORCE_PATH_STYLE ?? false,
    accessKeyId: s3.S3_ACCESS_KEY_ID,
    secretAccessKey: s3.S3_SECRET_ACCESS_KEY,
    publicBaseUrl: s3.S3_PUBLIC_BASE_URL,
  });
}

/** The required S3 variables, or an error naming every one that is missing. */
function requireS3Settings(settings: StorageSettings): Record<(typeof S3_REQUIRED)[number], string> {
  const missing = S3_REQUIRED.filter((name) => !settings[name]);
  if (missing.length > 0) {
    throw new StorageConfigError(`${missing.map((name) => `${name} is missing`).join(', ')} (required when STORAGE_DRIVER=s3)`);
  }
  return Object.fromEntries(S3_REQUIRED.map((name) => [name, settings[name] ?? ''])) as Record<(typeof S3_REQUIRED)[number], string>;
}
