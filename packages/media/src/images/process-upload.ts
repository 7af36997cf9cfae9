import sharp from 'sharp';
import type { ObjectStorage } from '../storage/object-storage.ts';
import { renditionKey, renditionWidths } from './renditions.ts';
import { sniffImageFormat, type ImageFormat } from './sniff.ts';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Larger pictures are refused before decoding (a small file can claim a huge canvas). */
const MAX_INPUT_PIXELS = 50_000_000;

export type ImageRejection = 'too_large' | 'unsupported_type' | 'unreadable';

/** An upload we will not store, with a sentence for the person who sent it. */
export class ImageRejectedError extends Error {
  override name = 'ImageRejectedError';
  constructor(
    readonly reason: ImageRejection,
    message: string,
  ) {
    super(message);
  }
}

export const tooLarge = (maxBytes: number) =>
  new ImageRejectedError('too_large', `This image is larger than ${Math.round(maxBytes / 1024 / 1024)} MB. Upload a smaller file.`);

export interface Rendition {
  width: number;
  height: number;
  body: Buffer;
  contentType: 'image/webp';
}

export interface ProcessedImage {
  format: ImageFormat;
  /** Size of the largest rendition (what `renditionWidths(width)` is computed from). */
  width: number;
  height: number;
  renditions: Rendition[];
}

/**
 * Checks and converts an uploaded image: the real type from its first bytes (JPEG, PNG, WebP, AVIF or a GIF's
 * first frame), turned upright from its EXIF orientation, metadata dropped (sharp writes none unless asked),
 * and WebP renditions at the storefront's widths, never enlarged.
 */
export async function processImageUpload(bytes: Buffer, options: { maxBytes?: number } = {}): Promise<ProcessedImage> {
  const maxBytes = options.maxBytes ?? MAX_IMAGE_BYTES;
  if (bytes.length > maxBytes) throw tooLarge(maxBytes);
  const format = sniffImageFormat(bytes);
  if (!format) throw new ImageRejectedError('unsupported_type', 'This file is not a JPEG, PNG, WebP, AVIF or GIF image.');

  try {
    const upright = sharp(bytes, { pages: 1, limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).autoOrient();
    const { autoOrient } = await upright.metadata();
    const renditions = await Promise.all(
      renditionWidths(autoOrient.width).map(async (width) => {
        const out = await upright
          .clone()
          .resize({ width, withoutEnlargement: true })
          .webp({ quality: 82 })
          .toBuffer({ resolveWithObject: true });
        return { width: out.info.width, height: out.info.height, body: out.data, contentType: 'image/webp' as const };
      }),
    );
    const largest = renditions[renditions.length - 1]!;
    return { format, width: largest.width, height: largest.height, renditions };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/pixel limit/i.test(message)) {
      throw new ImageRejectedError('too_large', 'This image has too many pixels. Upload one under 50 megapixels.');
    }
    throw new ImageRejectedError('unreadable', 'We could not read this image. The file may be damaged; try exporting it again.');
  }
}

export interface StoredImage {
  /** The image's key: renditions live at `<key>/<width>.webp`, the manifest at `<key>/image.json`. */
  key: string;
  width: number;
  height: number;
  renditions: { key: string; width: number; height: number; url: string }[];
}

const manifestKey = (baseKey: string) => `${baseKey}/image.json`;

/**
 * Writes every rendition under `baseKey`, then the manifest (so a manifest means a complete image); on a
 * failure, what was already written is removed.
 */
export async function storeImage(storage: ObjectStorage, baseKey: string, image: ProcessedImage): Promise<StoredImage> {
  const stored: StoredImage = {
    key: baseKey,
    width: image.width,
    height: image.height,
    renditions: image.renditions.map((r) => {
      const key = renditionKey(baseKey, r.width);
      return { key, width: r.width, height: r.height, url: storage.publicUrl(key) };
    }),
  };
  const written: string[] = [];
  try {
    for (const [index, r] of image.renditions.entries()) {
      await storage.put(stored.renditions[index]!.key, r.body, r.contentType);
      written.push(stored.renditions[index]!.key);
    }
    await storage.put(manifestKey(baseKey), Buffer.from(JSON.stringify(stored)), 'application/json');
  } catch (error) {
    await Promise.allSettled(written.map((key) => storage.delete(key)));
    throw error;
  }
  return stored;
}

/** What storeImage wrote under `baseKey`, or null when there is no complete image there. */
export async function readStoredImage(storage: ObjectStorage, baseKey: string): Promise<StoredImage | null> {
  const manifest = await storage.get(manifestKey(baseKey));
  if (!manifest) return null;
  const parsed = JSON.parse(manifest.body.toString('utf8')) as StoredImage;
  return parsed.key === baseKey ? parsed : null;
}

/** Removes every rendition of the image stored under `baseKey`, and its manifest. */
export async function deleteImage(storage: ObjectStorage, baseKey: string, width: number): Promise<void> {
  await Promise.all(renditionWidths(width).map((w) => storage.delete(renditionKey(baseKey, w))));
  await storage.delete(manifestKey(baseKey));
}
