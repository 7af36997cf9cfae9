import { createObjectStorage, type ObjectStorage } from '@vitrine/media/storage';
import { getEnv } from './env.ts';

/** Where the media route serves stored files from (every host: see isSharedPath). */
export const MEDIA_PATH = '/media';

const globalForStorage = globalThis as unknown as { vitrineStorage?: ObjectStorage };

/**
 * The process's file storage, chosen by STORAGE_DRIVER: local disk under STORAGE_DIR (served by the media route),
 * or an S3-compatible bucket whose objects browsers fetch from S3_PUBLIC_BASE_URL.
 */
export function getStorage(): ObjectStorage {
  return (globalForStorage.vitrineStorage ??= createObjectStorage(getEnv(), { localPublicBaseUrl: MEDIA_PATH }));
}
