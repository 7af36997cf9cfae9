import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { keySegments, keyUrl } from './keys.ts';
import type { ObjectStorage } from './object-storage.ts';

export interface LocalDiskStorageOptions {
  /** Directory that holds everything (created on first write). */
  root: string;
  /** Public path or URL the media route serves keys under, e.g. `/media`. */
  publicBaseUrl: string;
}

const TYPE_SUFFIX = '.content-type';

/**
 * Files under `root/objects/<key>`, each with its content type in `root/types/<key>.content-type`. Writes go to a
 * temporary file in the same directory and are renamed into place (atomic on one file system), the type
 * before the object, so a reader never sees half a file or an object without its type.
 */
export class LocalDiskStorage implements ObjectStorage {
  private readonly root: string;
  private readonly publicBaseUrl: string;

  constructor(options: LocalDiskStorageOptions) {
    this.root = resolve(options.root);
    this.publicBaseUrl = options.publicBaseUrl;
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await atomicWrite(this.pathOf('types', key) + TYPE_SUFFIX, Buffer.from(contentType, 'utf8'));
    await atomicWrite(this.pathOf('objects', key), body);
  }

  async get(key: string): Promise<{ body: Buffer; contentType: string } | null> {
    const body = await readIfExists(this.pathOf('objects', key));
    if (!body) return null;
    const type = await readIfExists(this.pathOf('types', key) + TYPE_SUFFIX);
    return { body, contentType: type?.toString('utf8') || 'application/octet-stream' };
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf('objects', key), { force: true });
    await rm(this.pathOf('types', key) + TYPE_SUFFIX, { force: true });
  }

  publicUrl(key: string): string {
    return keyUrl(this.publicBaseUrl, key);
  }

  /** The file for a key; the key is checked segment by segment and the result must stay inside the area. */
  private pathOf(area: 'objects' | 'types', key: string): string {
    const base = join(this.root, area);
    const path = resolve(base, ...keySegments(key));
    if (!path.startsWith(base + sep)) throw new Error(`storage key escapes the storage directory: ${key}`);
    return path;
  }
}

async function atomicWrite(path: string, data: Buffer) {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
}
