import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, readBodyWithLimit } from './read-body.ts';

function streamOf(chunks: number[], pulled: { count: number }) {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.count += 1;
      if (i < chunks.length) controller.enqueue(new Uint8Array(chunks[i++]!).fill(7));
      else controller.close();
    },
  }, { highWaterMark: 0 });
}

const post = (body: ReadableStream<Uint8Array> | Uint8Array, headers: Record<string, string> = {}) =>
  new Request('http://x/api/uploads/images', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('readBodyWithLimit', () => {
  it('returns a body within the limit', async () => {
    const body = await readBodyWithLimit(post(streamOf([10, 20, 30], { count: 0 })), 60);
    expect(body.length).toBe(60);
  });

  it('stops reading as soon as the limit is passed', async () => {
    const pulled = { count: 0 };
    await expect(readBodyWithLimit(post(streamOf([40, 40, 40, 40, 40], pulled)), 60)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled.count).toBeLessThanOrEqual(3);
  });

  it('refuses a declared Content-Length above the limit before reading', async () => {
    const pulled = { count: 0 };
    await expect(readBodyWithLimit(post(streamOf([10], pulled), { 'content-length': '61' }), 60)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled.count).toBe(0);
  });
});
