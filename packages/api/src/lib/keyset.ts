import { z } from 'zod';
import { badRequest } from '../errors.ts';

/**
 * Keyset paging by (createdAt desc, id desc): the cursor is the last row of the previous page, so a page
 * costs the same on page 1 and page 2,000 (an index range scan, never an OFFSET).
 */
export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

const cursorSchema = z.object({ c: z.iso.datetime(), i: z.string().min(1).max(64) });

export const cursorInput = z.string().max(200, 'This page link is not valid').optional();

export function encodeCursor(row: KeysetPosition): string {
  return Buffer.from(JSON.stringify({ c: row.createdAt.toISOString(), i: row.id })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): KeysetPosition | null {
  if (!cursor) return null;
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { createdAt: new Date(parsed.c), id: parsed.i };
  } catch {
    throw badRequest('This page link is not valid any more. Start again from the first page.');
  }
}

/**
 * Rows strictly after the cursor. `createdAt <= c` bounds the index range; the OR only sorts out the rows
 * that share the cursor's timestamp.
 */
export function afterCursor(position: KeysetPosition | null) {
  if (!position) return {};
  return {
    createdAt: { lte: position.createdAt },
    OR: [{ createdAt: { lt: position.createdAt } }, { id: { lt: position.id } }],
  };
}

/** Newest first, ties by id: the order every keyset page uses. */
export function compareNewestFirst(a: KeysetPosition, b: KeysetPosition): number {
  const byTime = b.createdAt.getTime() - a.createdAt.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** One page from rows fetched with `take: limit + 1` (possibly from several ordered lists). */
export function pageOf<T extends KeysetPosition>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const sorted = [...rows].sort(compareNewestFirst);
  const items = sorted.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: sorted.length > limit && last ? encodeCursor(last) : null };
}
