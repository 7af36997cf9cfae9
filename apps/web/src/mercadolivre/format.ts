import { formatMoney } from '@vitrine/ui';
import type { Locale } from '../i18n/locale.ts';

// Pages render on the server and in the browser: one fixed zone keeps both renders identical.
const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', 'pt-BR': 'pt-BR' };
const dateTimes: Record<Locale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat(INTL_LOCALE.en, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
  'pt-BR': new Intl.DateTimeFormat(INTL_LOCALE['pt-BR'], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
};

/** "Nov 22, 2026, 11:45 PM UTC" (or "22 de nov. de 2026, 23:45 UTC"), or an em dash when there is no date. */
export function formatDateTime(value: Date | string | null | undefined, locale: Locale = 'en'): string {
  if (value === null || value === undefined) return '—';
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '—' : `${dateTimes[locale].format(date)} UTC`;
}

/** Money in minor units (the router sends ML's bigint amounts as decimal strings); far below 2^53, so Number is exact. */
export function formatMinor(amountMinor: string | bigint | number | null | undefined, currency: string | null | undefined, locale: Locale = 'en'): string {
  if (amountMinor === null || amountMinor === undefined || !currency) return '—';
  return formatMoney(Number(amountMinor), currency, INTL_LOCALE[locale]);
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
