'use server';
import { TRPCError } from '@trpc/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '../auth/actions.ts';
import { adminCaller } from '../admin/active-tenant.ts';
import { parsePriceToMinor } from '../admin/money-input.ts';
import { formErrorOf } from '../forms/trpc-errors.ts';
import { commerceSettingsMessages } from '../i18n/messages/commerce-settings.ts';
import { messagesFor } from '../i18n/request-locale.ts';

const COLUMN_OF: Record<string, string> = { name: 'Name', minValue: 'From', maxValue: 'To', priceAmount: 'Price' };

/**
 * Saves the shipping settings through the setup wizard's own procedure (setup.shipping.save): the rows typed
 * (an empty row is dropped) become the store's bands, and pickup is offered or not. The router's refusals land
 * beside the row and column they name (its paths count the rows sent, so they are mapped back to the rows shown).
 */
export async function saveShippingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string' && !k.startsWith('$')) values[k] = v.trim();
  const t = await messagesFor(commerceSettingsMessages);
  const { active, caller } = await adminCaller();
  if (!active || !caller) redirect('/admin');
  const currency = active.currency;
  const basis = values.basis === 'WEIGHT' ? 'WEIGHT' : 'ORDER_VALUE';
  const rows = Math.min(Number(values.rows) || 0, 20);
  const fieldErrors: Record<string, string> = {};
  const amount = (name: string) => {
    const minor = parsePriceToMinor(values[name] ?? '', currency);
    if (minor === null) fieldErrors[name] = t.badAmount;
    return minor ?? 0;
  };
  const bound = (name: string) => {
    if (basis === 'ORDER_VALUE') return amount(name);
    if (!/^\d{1,9}$/.test(values[name] ?? '')) fieldErrors[name] = t.badGrams;
    return Number(values[name]);
  };
  const bands = Array.from({ length: rows }, (_, row) => row)
    .filter((row) => ['Name', 'From', 'To', 'Price'].some((col) => values[`band${row}${col}`]))
    .map((row) => ({
      row,
      name: values[`band${row}Name`] ?? '',
      minValue: values[`band${row}From`] ? bound(`band${row}From`) : 0,
      maxValue: values[`band${row}To`] ? bound(`band${row}To`) : null,
      priceAmount: amount(`band${row}Price`),
    }));
  const pickup = values.pickup === 'on' ? { name: values.pickupName ?? '', priceAmount: values.pickupPrice ? amount('pickupPrice') : 0 } : null;
  if (Object.keys(fieldErrors).length) return { fieldErrors, values };
  try {
    await caller.setup.shipping.save({ basis, bands: bands.map(({ row: _row, ...band }) => band), pickup });
  } catch (error) {
    const issues = error instanceof TRPCError ? (error.cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined)?.issues : undefined;
    if (!issues?.length) return { ...formErrorOf(error), values };
    const mapped: Record<string, string> = {};
    let general: string | undefined;
    for (const issue of issues) {
      const [head, index, column] = issue.path.map(String);
      const key =
        head === 'bands' && index !== undefined && column
          ? `band${bands[Number(index)]?.row ?? 0}${COLUMN_OF[column] ?? 'Name'}`
          : head === 'pickup'
            ? `pickup${index === 'priceAmount' ? 'Price' : 'Name'}`
            : head === 'basis'
              ? 'basis'
              : null;
      if (key) mapped[key] ??= issue.message;
      else general ??= issue.message;
    }
    return { fieldErrors: mapped, values, ...(general ? { error: general } : {}) };
  }
  revalidatePath('/admin/settings/shipping');
  return { notice: t.saved, values };
}
