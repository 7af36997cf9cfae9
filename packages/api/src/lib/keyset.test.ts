import { describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { decodeCursor, encodeCursor, pageOf } from './keyset.ts';

const row = (id: string, iso: string) => ({ id, createdAt: new Date(iso) });

describe('keyset paging', () => {
  it('round-trips a cursor', () => {
    const position = row('abc', '2026-01-02T03:04:05.678Z');
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('refuses a tampered cursor with a readable message', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(TRPCError);
    expect(() => decodeCursor('not-a-cursor')).toThrow(/not valid any more/);
  });

  it('merges lists newest first, ties broken by id, and points the cursor at the last item', () => {
    const rows = [
      row('a', '2026-01-01T00:00:00Z'),
      row('c', '2026-01-03T00:00:00Z'),
      row('b2', '2026-01-02T00:00:00Z'),
      row('b1', '2026-01-02T00:00:00Z'),
    ];
    const page = pageOf(rows, 3);
    expect(page.items.map((r) => r.id)).toEqual(['c', 'b2', 'b1']);
    expect(decodeCursor(page.nextCursor ?? undefined)).toEqual(row('b1', '2026-01-02T00:00:00Z'));
    expect(pageOf(rows, 4).nextCursor).toBeNull();
  });
});
