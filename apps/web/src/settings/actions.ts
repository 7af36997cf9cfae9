'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '../auth/actions.ts';
import { adminCaller } from '../admin/active-tenant.ts';
import { formErrorOf } from '../forms/trpc-errors.ts';

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

async function settingsCaller() {
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  return caller;
}

async function run(call: () => Promise<unknown>, values: Record<string, string>): Promise<FormState> {
  try {
    await call();
  } catch (error) {
    return { ...formErrorOf(error), values };
  }
  revalidatePath('/admin/settings');
  return { savedAt: Date.now(), values };
}

export async function saveDetailsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { name: field(form, 'name'), 'contact.email': field(form, 'contact.email'), 'contact.phone': field(form, 'contact.phone'), 'contact.address': field(form, 'contact.address') };
  const caller = await settingsCaller();
  return run(
    () =>
      caller.tenant.settings.update({
        name: values.name,
        contact: { email: values['contact.email'], phone: values['contact.phone'], address: values['contact.address'] },
      }),
    values,
  );
}

export async function saveLanguagesAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { locale: field(form, 'locale'), currency: field(form, 'currency').toUpperCase() };
  const enabledLocales = form.getAll('enabledLocales').map(String).filter((l) => l !== values.locale) as ('pt-BR' | 'en' | 'es')[];
  const displayCurrencies = form.getAll('displayCurrencies').map(String).filter((c) => c !== values.currency);
  const caller = await settingsCaller();
  return run(() => caller.tenant.settings.update({ locale: values.locale, currency: values.currency, enabledLocales, displayCurrencies }), values);
}

export async function savePageAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = { slug: field(form, 'slug'), title: field(form, 'title'), body: String(form.get('body') ?? '') };
  const caller = await settingsCaller();
  return run(() => caller.pages.save({ ...values, published: form.get('published') === 'on' }), values);
}

export async function deletePageAction(_prev: FormState, form: FormData): Promise<FormState> {
  const caller = await settingsCaller();
  return run(() => caller.pages.delete({ slug: field(form, 'slug') }), {});
}
