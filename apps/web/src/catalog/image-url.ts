import { bestRenditionWidth, renditionKey } from '@vitrine/media/images';
import { getStorage } from '../server/storage.ts';

/** The address of the stored rendition of an image closest to `wanted` pixels wide (never smaller when one exists). */
export function imageUrl(image: { storageKey: string; width: number | null }, wanted: number): string {
  return getStorage().publicUrl(renditionKey(image.storageKey, bestRenditionWidth(image.width ?? wanted, wanted)));
}
