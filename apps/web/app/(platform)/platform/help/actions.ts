'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '../../../../src/auth/actions.ts';
import { formErrorOf } from '../../../../src/forms/trpc-errors.ts';
import { serverCaller } from '../../../../src/server/caller.ts';

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function articleOf(form: FormData) {
  return {
    slug: field(form, 'slug').toLowerCase(),
    locale: (field(form, 'locale') === 'pt-BR' ? 'pt-BR' : 'en') as 'en' | 'pt-BR',
    title: field(form, 'title'),
    category: field(form, 'category'),
    body: String(form.get('body') ?? '').replace(/\r\n/g, '\n').trim(),
    published: form.get('published') === 'on',
  };
}

const valuesOf = (a: ReturnType<typeof articleOf>) => ({ ...a, published: a.published ? 'on' : '' });

/** Saves a new article (errors beside their fields), then opens it in the editor. */
export async function createArticleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const article = articleOf(form);
  let id: string;
  try {
    id = (await (await serverCaller()).help.editor.create(article)).id;
  } catch (error) {
    return { ...formErrorOf(error), values: valuesOf(article) };
  }
  revalidatePath('/platform/help');
  redirect(`/platform/help/${id}`);
}

export async function updateArticleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = field(form, 'id');
  const article = articleOf(form);
  try {
    await (await serverCaller()).help.editor.update({ id, ...article });
  } catch (error) {
    return { ...formErrorOf(error), values: valuesOf(article) };
  }
  revalidatePath('/platform/help');
  revalidatePath(`/platform/help/${id}`);
  return { notice: 'Saved.', values: valuesOf(article) };
}

export async function publishArticleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = field(form, 'id');
  try {
    await (await serverCaller()).help.editor.setPublished({ id, published: field(form, 'published') === 'true' });
  } catch (error) {
    return formErrorOf(error);
  }
  revalidatePath('/platform/help');
  revalidatePath(`/platform/help/${id}`);
  return { savedAt: Date.now() };
}

export async function deleteArticleAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await (await serverCaller()).help.editor.delete({ id: field(form, 'id') });
  } catch (error) {
    return formErrorOf(error);
  }
  revalidatePath('/platform/help');
  redirect('/platform/help');
}
