/**
 * Mercado Livre writes resource dates with the seller-side offset (e.g. "2026-01-21T09:44:33.000-04:00")
 * and notification dates in UTC ("...Z"). Clients must parse offsets, so the sandbox emits them as ML does.
 */
const ML_OFFSET_MINUTES = -4 * 60;

export function mlDate(ms: number): string {
  const shifted = new Date(ms + ML_OFFSET_MINUTES * 60_000).toISOString(); // "YYYY-MM-DDTHH:mm:ss.sssZ"
  return `${shifted.slice(0, 23)}-04:00`;
}

export function utcDate(ms: number): string {
  return new Date(ms).toISOString();
}

/** The order search drops minutes and seconds from its date filters (reference §3). */
export function truncateToHour(ms: number): number {
  return Math.floor(ms / 3_600_000) * 3_600_000;
}

export const DAY_MS = 86_400_000;
