import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalDiskStorage } from '../storage/local-disk.ts';
import { deleteImage, ImageRejectedError, processImageUpload, readStoredImage, storeImage } from './process-upload.ts';
import { renditionWidths } from './renditions.ts';
import { sniffImageFormat } from './sniff.ts';

const red = { r: 200, g: 30, b: 30 };
const blank = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: red } });

async function rejection(promise: Promise<unknown>): Promise<ImageRejectedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImageRejectedError);
  return error as ImageRejectedError;
}

describe('sniffImageFormat', () => {
  it('names each accepted format from its bytes, whatever the file claims', async () => {
    const image = blank(20, 20);
    expect(sniffImageFormat(await image.clone().jpeg().toBuffer())).toBe('jpeg');
    expect(sniffImageFormat(await image.clone().png().toBuffer())).toBe('png');
    expect(sniffImageFormat(await image.clone().webp().toBuffer())).toBe('webp');
    expect(sniffImageFormat(await image.clone().avif().toBuffer())).toBe('avif');
    expect(sniffImageFormat(await image.clone().gif().toBuffer())).toBe('gif');
    expect(sniffImageFormat(await image.clone().tiff().toBuffer())).toBeNull();
    expect(sniffImageFormat(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
    expect(sniffImageFormat(Buffer.from('%PDF-1.7 pretending'))).toBeNull();
  });
});

describe('processImageUpload', () => {
  it('makes WebP renditions at the storefront widths from a large JPEG', async () => {
    const image = await processImageUpload(await blank(2400, 1200).jpeg().toBuffer());
    expect(image.format).toBe('jpeg');
    expect(image.renditions.map((r) => [r.width, r.height])).toEqual([
      [160, 80],
      [480, 240],
      [960, 480],
      [1600, 800],
    ]);
    expect({ width: image.width, height: image.height }).toEqual({ width: 1600, height: 800 });
    for (const r of image.renditions) {
      const meta = await sharp(r.body).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', r.width, r.height]);
    }
  });

  it('never enlarges a small picture', async () => {
    const image = await processImageUpload(await blank(300, 200).png().toBuffer());
    expect(image.renditions.map((r) => r.width)).toEqual([160, 300]);
    expect(renditionWidths(image.width)).toEqual([160, 300]);
    const tiny = await processImageUpload(await blank(100, 50).webp().toBuffer());
    expect(tiny.renditions.map((r) => [r.width, r.height])).toEqual([[100, 50]]);
  });

  it('turns a photo upright from its EXIF orientation and drops its metadata', async () => {
    // 400×200 stored pixels with orientation 6 (rotate 90°): shown 200 wide and 400 high.
    const sideways = await blank(400, 200).jpeg().withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'someone' } } }).toBuffer();
    expect((await sharp(sideways).metadata()).orientation).toBe(6);
    const image = await processImageUpload(sideways);
    expect({ width: image.width, height: image.height }).toEqual({ width: 200, height: 400 });
    const meta = await sharp(image.renditions[0]!.body).metadata();
    expect([meta.width, meta.height]).toEqual([160, 320]);
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
  });

  it('keeps only the first frame of an animated GIF', async () => {
    const frame = (background: { r: number; g: number; b: number }) =>
      sharp({ create: { width: 64, height: 48, channels: 3, background } }).png().toBuffer();
    const animated = await sharp([await frame(red), await frame({ r: 0, g: 0, b: 255 })], { join: { animated: true } })
      .gif({ loop: 0 })
      .toBuffer();
    expect((await sharp(animated).metadata()).pages).toBe(2);
    const image = await processImageUpload(animated);
    expect(image.format).toBe('gif');
    const meta = await sharp(image.renditions[0]!.body).metadata();
    expect([meta.pages ?? 1, meta.width, meta.height]).toEqual([1, 64, 48]);
    const { data } = await sharp(image.renditions[0]!.body).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(150); // red, the first frame
    expect(data[2]).toBeLessThan(80);
  });

  it('refuses a file that is not an accepted image, with a sentence', async () => {
    const tiff = await rejection(processImageUpload(await blank(20, 20).tiff().toBuffer()));
    expect(tiff.reason).toBe('unsupported_type');
    expect(tiff.message).toBe('This file is not a JPEG, PNG, WebP, AVIF or GIF image.');
    const text = await rejection(processImageUpload(Buffer.from('hello, this is plain text and not a picture')));
    expect(text.reason).toBe('unsupported_type');
  });

  it('refuses a file over the size limit before decoding it', async () => {
    const png = await blank(200, 200).png().toBuffer();
    const error = await rejection(processImageUpload(png, { maxBytes: png.length - 1 }));
    expect(error.reason).toBe('too_large');
    const big = await rejection(processImageUpload(Buffer.alloc(10 * 1024 * 1024 + 1, 0xff)));
    expect(big.message).toBe('This image is larger than 10 MB. Upload a smaller file.');
  });

  it('refuses a damaged file that starts like a PNG', async () => {
    const png = await blank(200, 200).png().toBuffer();
    const error = await rejection(processImageUpload(png.subarray(0, 60)));
    expect(error.reason).toBe('unreadable');
  });
});

describe('storeImage', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('writes every rendition under the image key with public addresses, and deleteImage removes them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vitrine-images-'));
    dirs.push(dir);
    const storage = new LocalDiskStorage({ root: dir, publicBaseUrl: '/media' });
    const stored = await storeImage(storage, 'tenants/t1/products/abc', await processImageUpload(await blank(1000, 500).png().toBuffer()));
    expect(stored.renditions.map((r) => r.key)).toEqual([
      'tenants/t1/products/abc/160.webp',
      'tenants/t1/products/abc/480.webp',
      'tenants/t1/products/abc/960.webp',
      'tenants/t1/products/abc/1000.webp',
    ]);
    expect(stored.renditions[1]!.url).toBe('/media/tenants/t1/products/abc/480.webp');
    expect((await storage.get('tenants/t1/products/abc/960.webp'))!.contentType).toBe('image/webp');
    expect(await readStoredImage(storage, 'tenants/t1/products/abc')).toEqual(stored);
    expect(await readStoredImage(storage, 'tenants/t1/products/other')).toBeNull();
    await deleteImage(storage, stored.key, stored.width);
    for (const r of stored.renditions) expect(await storage.get(r.key)).toBeNull();
    expect(await readStoredImage(storage, 'tenants/t1/products/abc')).toBeNull();
  });
});
