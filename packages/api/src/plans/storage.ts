import type { StoredImage } from '@vitrine/media/images';
import type { ObjectStorage } from '@vitrine/media/storage';

/**
 * Bytes an uploaded image takes in storage: every rendition the upload route wrote (read back from storage,
 * which is the only place the sizes are known; the manifest records dimensions, not sizes). Stored as
 * product_images.size_bytes when the upload is attached, which is what the plan's storage limit adds up.
 */
export async function storedImageBytes(storage: ObjectStorage, image: Pick<StoredImage, 'renditions'>): Promise<number> {
  const sizes = await Promise.all(image.renditions.map(async (r) => (await storage.get(r.key))?.body.length ?? 0));
  return sizes.reduce((sum, n) => sum + n, 0);
}
