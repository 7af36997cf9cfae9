import { formatMoney } from '@vitrine/ui';

// Pages render on the server and in the browser: one fixed zone keeps both renders identical.
const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** "Nov 22, 2026, 11:45 PM UTC", or an em dash when there is no date. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '—' : `${dateTime.format(date)} UTC`;
}

/** Money in minor units (the router sends ML's bigint amounts as decimal strings); far below 2^53, so Number is exact. */
export function formatMinor(amountMinor: string | bigint | number | null | undefined, currency: string | null | undefined): string {
  if (amountMinor === null || amountMinor === undefined || !currency) return '—';
  return formatMoney(Number(amountMinor), currency, 'en-US');
}

/** "ready_to_ship" → "ready to ship"; ML statuses read better as words. */
export function humanize(status: string | null | undefined): string {
  return status ? status.replaceAll('_', ' ').toLowerCase() : '—';
}

/** Processed share of a run, 0–100; an unknown total shows as 0 until the first page tells it. */
export function percentOf(processed: number, total: number | null): number {
  if (!total || total <= 0) return processed > 0 ? 100 : 0;
  return Math.min(100, Math.round((processed / total) * 100));
}
