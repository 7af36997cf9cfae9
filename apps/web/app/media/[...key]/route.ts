import { isPublicKey } from '@vitrine/media/storage';
import { getStorage } from '../../../src/server/storage.ts';

/**
 * Stored files (product images, logos) by key. Keys are never reused (each upload gets a new one), so answers
 * are cached for a year as immutable; a missing or malformed key, or a private one (a data export), is a plain 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const key = (await params).key.join('/');
  const object = isPublicKey(key) ? await getStorage().get(key) : null;
  if (!object) {
    return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  }
  return new Response(new Uint8Array(object.body), {
    headers: {
      'content-type': object.contentType,
      'content-length': String(object.body.length),
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    },
  });
}
