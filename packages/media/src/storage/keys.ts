/** A storage key is refused (bad characters, `..`, absolute, too long). */
export class InvalidStorageKeyError extends Error {
  override name = 'InvalidStorageKeyError';
  constructor(readonly key: string) {
    super('This file name is not valid.');
  }
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_KEY_LENGTH = 512;

/**
 * The key's path segments when it is safe to use as a relative path on any backend: segments of letters,
 * digits, dots, dashes and underscores that start with a letter or digit (so no `.`, `..` or hidden files),
 * joined by single slashes, never absolute.
 */
export function keySegments(key: string): string[] {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) throw new InvalidStorageKeyError(String(key));
  const segments = key.split('/');
  if (!segments.every((s) => SEGMENT.test(s))) throw new InvalidStorageKeyError(key);
  return segments;
}

export function isValidKey(key: string): boolean {
  try {
    keySegments(key);
    return true;
  } catch {
    return false;
  }
}

/**
 * Folders of a store whose files are private (`tenants/<id>/exports/…`: data-export archives, handed out only by
 * their own authenticated, expiring route): never served by the public media route, whoever knows the key.
 */
const PRIVATE_FOLDERS = new Set(['exports']);

/** True for a valid key that may be served to anyone who has it (product images, logos). */
export function isPublicKey(key: string): boolean {
  if (!isValidKey(key)) return false;
  const [root, , folder] = key.split('/');
  return !(root === 'tenants' && folder !== undefined && PRIVATE_FOLDERS.has(folder));
}

/** The address of `key` under `baseUrl` (a path like `/media` or a CDN origin), each segment URL-encoded. */
export function keyUrl(baseUrl: string, key: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${keySegments(key).map(encodeURIComponent).join('/')}`;
}
