import { formatMoney } from '@vitrine/ui';
import { locale } from './i18n.ts';

const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });

function valid(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDateTime(iso: string): string {
  const date = valid(iso);
  return date ? dateTime.format(date) : iso;
}

export function formatDate(iso: string): string {
  const date = valid(iso);
  return date ? dateOnly.format(date) : iso;
}

/** Today's times without the date ("14:05"), other days with it. */
export function formatWhen(iso: string, now = new Date()): string {
  const date = valid(iso);
  if (!date) return iso;
  return date.toDateString() === now.toDateString() ? timeOnly.format(date) : dateTime.format(date);
}

/** "3 hours ago", "yesterday"… */
export function formatAgo(iso: string, now = Date.now()): string {
  const date = valid(iso);
  if (!date) return '';
  const seconds = Math.round((date.getTime() - now) / 1000);
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['second', 60],
    ['minute', 60],
    ['hour', 24],
    ['day', 30],
    ['month', 12],
  ];
  let value = seconds;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return relative.format(unit === 'second' ? Math.min(0, value) : value, unit);
    value = Math.round(value / size);
  }
  return relative.format(value, 'year');
}

/** Money as it crosses the bridge: minor units in a decimal string. */
export function formatMinor(amountMinor: string, currency: string): string {
  const amount = Number(amountMinor);
  return Number.isFinite(amount) ? formatMoney(amount, currency, locale) : `${amountMinor} ${currency}`;
}

/** A date input's value (yyyy-mm-dd, the person's own day) as the ISO instant it starts at; `days` moves it. */
export function dayStartIso(value: string, days = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return new Date(year, month - 1, day + days).toISOString();
}
