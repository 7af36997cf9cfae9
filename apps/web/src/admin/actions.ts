'use server';
import { TRPCError } from '@trpc/server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import type { FormState } from '../auth/actions.ts';
import { serverCaller } from '../server/caller.ts';
import { TENANT_COOKIE } from '../server/request.ts';
import { adminCaller } from './active-tenant.ts';
import { parsePriceToMinor } from './money-input.ts';

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function messageOf(error: unknown): string {
  if (error instanceof TRPCError) return error.message;
  throw error;
}

export async function rememberTenant(tenantId: string) {
  (await cookies()).set(TENANT_COOKIE, tenantId, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 24 * 3600 });
}

export async function switchTenantAction(form: FormData): Promise<void> {
  const tenantId = field(form, 'tenantId');
  const mine = await (await serverCaller()).tenant.mine();
  if (mine.some((t) => t.id === tenantId)) await rememberTenant(tenantId);
  redirect('/admin');
}

export async function createStoreAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { name: field(form, 'name'), slug: field(form, 'slug').toLowerCase() };
  let tenantId: string;
  try {
    const created = await (await serverCaller()).tenant.create(values);
    tenantId = created.id;
  } catch (error) {
    return { error: messageOf(error), values };
  }
  await rememberTenant(tenantId);
  // A new store goes straight into the guided setup.
  redirect('/admin/setup');
}

export async function createProductAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { title: field(form, 'title'), sku: field(form, 'sku'), price: field(form, 'price'), stock: field(form, 'stock') || '0' };
  const currency = field(form, 'currency');
  const fieldErrors: Record<string, string> = {};
  const priceAmount = parsePriceToMinor(values.price, currency);
  if (priceAmount === null) fieldErrors.price = 'Enter the price like 19.90';
  const stock = Number(values.stock);
  if (!Number.isInteger(stock) || stock < 0) fieldErrors.stock = 'Enter the stock as a whole number, 0 or more';
  if (!values.title) fieldErrors.title = 'Give the product a title';
  if (!values.sku) fieldErrors.sku = 'Give the product a SKU';
  if (Object.keys(fieldErrors).length) return { fieldErrors, values };
  try {
    const { caller } = await adminCaller();
    if (!caller) return { error: 'Open a store before adding products.', values };
    await caller.catalog.products.create({
      title: values.title,
      status: form.get('publish') === 'on' ? 'ACTIVE' : 'DRAFT',
      variants: [{ sku: values.sku, priceAmount: priceAmount!, stock }],
    });
  } catch (error) {
    return { error: messageOf(error), values };
  }
  revalidatePath('/admin');
  return { savedAt: Date.now() };
}

export async function setStorePublishedAction(form: FormData): Promise<void> {
  const { caller } = await adminCaller();
  if (caller) await caller.tenant.settings.update({ published: form.get('published') === 'true' });
  revalidatePath('/admin');
}
