import { parsePriceToMinor } from '../admin/money-input.ts';

/**
 * Reading the commerce settings forms: what a person types (major units "19.90", percentages "12.5", days) into
 * what the router takes (minor units, basis points, UTC instants), and back for the edit forms. A value that is
 * not even a number is named here, in the page's language; the router judges the rest and its sentences go
 * beside the same fields (the form fields carry the router's input names).
 */
const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units → "19.90" (what the amount fields show). */
export function majorText(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

/** "12.5" or "12,5" % → 1250 basis points; null when it is not such a number. */
export function percentToBasisPoints(text: string): number | null {
  const normalized = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normalized)) return null;
  return Math.round(Number(normalized) * 100);
}

/** 1250 basis points → "12.5". */
export const basisPointsText = (bp: number) => String(bp / 100);

/** A `<input type="date">` day → its start (UTC); with `through`, the start of the next day (the day included). */
export function dayToInstant(text: string, through = false): Date | null {
  if (!DAY.test(text)) return null;
  const date = new Date(`${text}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime())) return null;
  return through ? new Date(date.getTime() + DAY_MS) : date;
}

/** The inverse of dayToInstant: the day to show in the date field. */
export function instantToDay(date: Date | null | undefined, through = false): string {
  if (!date) return '';
  return new Date(date.getTime() - (through ? 1 : 0)).toISOString().slice(0, 10);
}

export interface CouponTerms {
  kind: 'PERCENT' | 'FIXED';
  value: number;
  minimumOrderAmount: number;
  startsAt: Date | null;
  expiresAt: Date | null;
  maxUses: number | null;
  maxUsesPerBuyer: number | null;
}

export interface CouponFormWords {
  badNumber: string;
  badAmount: string;
  badWhole: string;
  badDate: string;
}

/** The coupon's terms from the form's text fields, or the fields that are not numbers or days. */
export function couponTermsOf(values: Record<string, string>, currency: string, t: CouponFormWords): { terms: CouponTerms } | { fieldErrors: Record<string, string> } {
  const fieldErrors: Record<string, string> = {};
  const kind = values.kind === 'FIXED' ? 'FIXED' : 'PERCENT';
  const text = (name: string) => (values[name] ?? '').trim();
  const value = kind === 'PERCENT' ? percentToBasisPoints(text('value')) : parsePriceToMinor(text('value'), currency);
  if (value === null) fieldErrors.value = kind === 'PERCENT' ? t.badNumber : t.badAmount;
  const minimum = text('minimumOrderAmount') ? parsePriceToMinor(text('minimumOrderAmount'), currency) : 0;
  if (minimum === null) fieldErrors.minimumOrderAmount = t.badAmount;
  const day = (name: string, through = false) => {
    if (!text(name)) return null;
    const instant = dayToInstant(text(name), through);
    if (!instant) fieldErrors[name] = t.badDate;
    return instant;
  };
  const whole = (name: string) => {
    if (!text(name)) return null;
    if (!/^\d{1,9}$/.test(text(name))) {
      fieldErrors[name] = t.badWhole;
      return null;
    }
    return Number(text(name));
  };
  const terms: CouponTerms = {
    kind,
    value: value ?? 0,
    minimumOrderAmount: minimum ?? 0,
    startsAt: day('startsAt'),
    expiresAt: day('expiresAt', true),
    maxUses: whole('maxUses'),
    maxUsesPerBuyer: whole('maxUsesPerBuyer'),
  };
  return Object.keys(fieldErrors).length ? { fieldErrors } : { terms };
}

/** A coupon as its edit form shows it. */
export function couponFormValues(coupon: CouponTerms & { code: string }, currency: string): Record<string, string> {
  return {
    code: coupon.code,
    kind: coupon.kind,
    value: coupon.kind === 'PERCENT' ? basisPointsText(coupon.value) : majorText(coupon.value, currency),
    minimumOrderAmount: coupon.minimumOrderAmount ? majorText(coupon.minimumOrderAmount, currency) : '',
    startsAt: instantToDay(coupon.startsAt),
    expiresAt: instantToDay(coupon.expiresAt, true),
    maxUses: coupon.maxUses === null ? '' : String(coupon.maxUses),
    maxUsesPerBuyer: coupon.maxUsesPerBuyer === null ? '' : String(coupon.maxUsesPerBuyer),
  };
}
