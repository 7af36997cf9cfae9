export type { ObjectStorage } from './object-storage.ts';
export { InvalidStorageKeyError, isPublicKey, isValidKey, keySegments, keyUrl } from './keys.ts';
export { LocalDiskStorage, type LocalDiskStorageOptions } from './local-disk.ts';
export { ObjectStorageRequestError, S3Storage, type S3StorageOptions } from './s3-storage.ts';
export { createObjectStorage, S3_REQUIRED, StorageConfigError, type StorageSettings } from './create-object-storage.ts';
export { repositoryRoot, resolveStorageDir } from './storage-dir.ts';
