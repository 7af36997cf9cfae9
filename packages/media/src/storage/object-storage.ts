/**
 * Where uploaded files live. Local disk on this machine and in tests; an S3-compatible bucket behind a CDN in
 * production implements the same four calls. Keys are relative paths like `tenants/<id>/products/<uuid>/480.webp`
 * (see keys.ts for what a key may contain).
 */
export interface ObjectStorage {
  /** Stores `body` under `key`, replacing what was there; readers see the old object or the new one, never a part. */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object and its content type, or null when there is none. */
  get(key: string): Promise<{ body: Buffer; contentType: string } | null>;
  /** Removes the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** The address a browser fetches the object from. */
  publicUrl(key: string): string;
}
