'use server';
import { TRPCError } from '@trpc/server';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import type { FormState } from '../auth/actions.ts';
import { adminCaller } from '../admin/active-tenant.ts';
import { parsePriceToMinor } from '../admin/money-input.ts';

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** A refused call as form state: each invalid input beside its field (by the name `fieldOf` gives its path), the rest above. */
function refused(error: unknown, values: Record<string, string>, fieldOf: (path: string) => string = (p) => p): FormState {
  if (!(error instanceof TRPCError)) throw error;
  const issues = (error.cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined)?.issues;
  if (error.code === 'BAD_REQUEST' && Array.isArray(issues) && issues.length) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of issues) fieldErrors[fieldOf(issue.path.map(String).join('.')) || 'form'] ??= issue.message;
    const { form, ...rest } = fieldErrors;
    return { fieldErrors: rest, error: form, values };
  }
  return { error: error.message, values };
}

async function setupCaller() {
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin/stores/new');
  return caller;
}

async function next(): Promise<never> {
  const progress = await (await setupCaller()).setup.progress();
  revalidatePath('/admin', 'layout');
  redirect(`/admin/setup/${progress.nextStep ?? 'publish'}`);
}

/** The live address check while typing (debounced by the form). */
export async function checkSlugAction(slug: string) {
  const caller = await setupCaller();
  return caller.setup.slugAvailable({ slug: slug.trim().toLowerCase() });
}

export async function identityAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = {
    name: field(form, 'name'),
    slug: field(form, 'slug').toLowerCase(),
    logoUrl: field(form, 'logoUrl'),
    primaryColor: field(form, 'primaryColor'),
    accentColor: field(form, 'accentColor'),
  };
  try {
    await (await setupCaller()).setup.identity({ ...values, logoUrl: values.logoUrl || null });
  } catch (error) {
    return refused(error, values);
  }
  return next();
}

export async function themeAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { theme: field(form, 'theme') };
  try {
    await (await setupCaller()).setup.theme({ theme: values.theme as 'classic' });
  } catch (error) {
    return refused(error, values);
  }
  return next();
}

export async function marketAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { niche: field(form, 'niche'), country: field(form, 'country'), currency: field(form, 'currency'), locale: field(form, 'locale') };
  try {
    await (await setupCaller()).setup.market({ ...values, niche: values.niche as 'other', locale: values.locale as 'en' });
  } catch (error) {
    return refused(error, values);
  }
  return next();
}

const listOf = (text: string) => text.split(',').map((v) => v.trim()).filter(Boolean);

export async function productAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = {
    title: field(form, 'title'),
    description: String(form.get('description') ?? ''),
    price: field(form, 'price'),
    stock: field(form, 'stock') || '0',
    option1: field(form, 'option1'),
    option1Values: field(form, 'option1Values'),
    option2: field(form, 'option2'),
    option2Values: field(form, 'option2Values'),
    imageKeys: field(form, 'imageKeys'),
  };
  const currency = field(form, 'currency');
  const fieldErrors: Record<string, string> = {};
  const priceAmount = parsePriceToMinor(values.price, currency);
  if (priceAmount === null) fieldErrors.price = 'Enter the price like 19.90';
  const stock = Number(values.stock);
  if (!Number.isInteger(stock) || stock < 0) fieldErrors.stock = 'Enter the stock as a whole number, 0 or more';
  const options = [
    { key: 'option1', name: values.option1, values: listOf(values.option1Values) },
    { key: 'option2', name: values.option2, values: listOf(values.option2Values) },
  ].filter((o) => o.name || o.values.length);
  for (const o of options) {
    if (!o.name) fieldErrors[o.key] = 'Name the option, like Size';
    else if (!o.values.length) fieldErrors[`${o.key}Values`] = 'Give the option at least one value';
  }
  if (Object.keys(fieldErrors).length) return { fieldErrors, values };
  let imageKeys: string[];
  try {
    imageKeys = values.imageKeys ? (JSON.parse(values.imageKeys) as string[]).filter((k) => typeof k === 'string') : [];
  } catch {
    return { error: 'The photos could not be read; upload them again.', values };
  }
  const caller = await setupCaller();
  try {
    await caller.setup.product({
      title: values.title,
      description: values.description,
      priceAmount: priceAmount!,
      stock,
      options: options.map((o) => ({ name: o.name, values: o.values })),
      imageKeys,
    });
  } catch (error) {
    return refused(error, values, (path) => {
      if (path.startsWith('options.0.values')) return 'option1Values';
      if (path.startsWith('options.1.values')) return 'option2Values';
      if (path.startsWith('options.0')) return 'option1';
      if (path.startsWith('options.1')) return 'option2';
      if (path === 'priceAmount') return 'price';
      return path.startsWith('options') ? 'option1' : path;
    });
  }
  return next();
}

export async function stripeAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { publishableKey: field(form, 'publishableKey') };
  try {
    await (await setupCaller()).setup.payments.saveStripe({
      publishableKey: values.publishableKey,
      secretKey: field(form, 'secretKey'),
      webhookSecret: field(form, 'webhookSecret'),
    });
  } catch (error) {
    // The secret key is never sent back to the browser, not even to refill the form.
    return refused(error, values);
  }
  return next();
}

export async function skipPaymentsAction(): Promise<void> {
  await (await setupCaller()).setup.payments.skip();
  await next();
}

export async function shippingAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string' && !k.startsWith('$')) values[k] = v.trim();
  const basis = values.basis === 'WEIGHT' ? 'WEIGHT' : 'ORDER_VALUE';
  const currency = values.currency ?? 'USD';
  const fieldErrors: Record<string, string> = {};
  const amount = (name: string) => {
    const minor = parsePriceToMinor(values[name] ?? '', currency);
    if (minor === null) fieldErrors[name] = 'Enter an amount like 19.90 (0 or more)';
    return minor ?? 0;
  };
  const bound = (name: string) => {
    const text = values[name] ?? '';
    if (basis === 'ORDER_VALUE') return amount(name);
    if (!/^\d+$/.test(text)) fieldErrors[name] = 'Enter the weight in grams, like 500';
    return Number(text);
  };
  const bands = [0, 1, 2]
    .filter((i) => values[`band${i}Name`] || values[`band${i}Price`])
    .map((i) => ({
      i,
      name: values[`band${i}Name`] ?? '',
      minValue: values[`band${i}From`] ? bound(`band${i}From`) : 0,
      maxValue: values[`band${i}To`] ? bound(`band${i}To`) : null,
      priceAmount: amount(`band${i}Price`),
    }));
  const pickup = values.pickup === 'on' ? { name: values.pickupName ?? '', priceAmount: values.pickupPrice ? amount('pickupPrice') : 0 } : null;
  if (Object.keys(fieldErrors).length) return { fieldErrors, values };
  try {
    await (await setupCaller()).setup.shipping.save({ basis, bands: bands.map(({ i: _i, ...b }) => b), pickup });
  } catch (error) {
    return refused(error, values, (path) => {
      const m = /^bands\.(\d+)\.(\w+)/.exec(path);
      if (m) {
        const row = bands[Number(m[1])]?.i ?? 0;
        const col = { name: 'Name', minValue: 'From', maxValue: 'To', priceAmount: 'Price' }[m[2]!] ?? 'Name';
        return `band${row}${col}`;
      }
      if (path === 'bands') return 'form';
      if (path.startsWith('pickup.name')) return 'pickupName';
      return path;
    });
  }
  return next();
}

export async function addDomainAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { hostname: field(form, 'hostname') };
  try {
    await (await setupCaller()).setup.domain.addCustom(values);
  } catch (error) {
    return refused(error, values);
  }
  revalidatePath('/admin/setup/domain');
  return { savedAt: Date.now() };
}

export async function confirmDomainAction(): Promise<void> {
  await (await setupCaller()).setup.domain.confirm();
  await next();
}

export async function publishAction(form: FormData): Promise<void> {
  await (await setupCaller()).setup.publish({ published: form.get('published') === 'true' });
  revalidatePath('/admin', 'layout');
  redirect('/admin/setup/publish');
}
