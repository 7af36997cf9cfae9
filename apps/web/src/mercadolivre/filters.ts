/** Query-string filters of the list pages, read leniently: an unknown value is dropped and named, not a crash. */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A `<input type="date">` value as the start (or, with `endOfDay`, the last millisecond) of that UTC day. */
export function parseDay(value: string | undefined, endOfDay = false): Date | undefined {
  if (!value || !DAY.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime())) return undefined;
  return endOfDay ? new Date(date.getTime() + 86_400_000 - 1) : date;
}

export function pickOne<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** The same filters with another cursor (or none, for the first page). */
export function hrefWith(path: string, filters: Record<string, string | undefined>, cursor?: string | null): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  if (cursor) query.set('cursor', cursor);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
