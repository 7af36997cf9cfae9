'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button, Input } from '@vitrine/ui';
import type { Locale } from '../i18n/locale.ts';
import { catalogMessages } from '../i18n/messages/catalog.ts';
import { useTRPC } from '../trpc/client.tsx';
import { CategorySelect } from './category-select.tsx';

type ErrorLike = { message: string; data?: unknown };
const fieldErrorsOf = (error: ErrorLike | null) =>
  Object.fromEntries(Object.entries(((error?.data ?? {}) as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {}).map(([k, v]) => [k, v[0] ?? '']));

function FormError({ error }: { error: ErrorLike | null }) {
  if (!error || Object.keys(fieldErrorsOf(error)).length) return null;
  return (
    <p className="v-alert" role="alert">
      {error.message}
    </p>
  );
}

export function CreateCategoryForm({ locale, categories }: { locale: Locale; categories: { id: string; name: string }[] }) {
  const t = catalogMessages[locale];
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const create = useMutation(trpc.catalog.categories.create.mutationOptions({ onSuccess: () => (setName(''), router.refresh()) }));
  const errors = fieldErrorsOf(create.error);
  return (
    <form
      className="v-row"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ name, parentId: parentId || null });
      }}
    >
      <Input label={t.name} name="category-name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
      <CategorySelect id="category-parent" label={t.parent} emptyLabel={t.topLevel} categories={categories} value={parentId} onChange={setParentId} />
      <div className="v-field">
        <Button type="submit" disabled={create.isPending}>
          {t.add}
        </Button>
      </div>
      <FormError error={create.error} />
    </form>
  );
}

export function DeleteCategoryButton({ locale, id, name }: { locale: Locale; id: string; name: string }) {
  const t = catalogMessages[locale];
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(trpc.catalog.categories.delete.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <span>
      <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ id })} aria-label={t.deleteNamed(name)}>
        {t.delete}
      </Button>
      {remove.error ? (
        <span className="v-field__error" role="alert">
          {' '}
          {remove.error.message}
        </span>
      ) : null}
    </span>
  );
}

export function CreateCollectionForm({ locale }: { locale: Locale }) {
  const t = catalogMessages[locale];
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState('');
  const create = useMutation(trpc.catalog.collections.create.mutationOptions({ onSuccess: () => (setTitle(''), router.refresh()) }));
  const errors = fieldErrorsOf(create.error);
  return (
    <form
      className="v-row"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ title });
      }}
    >
      <Input label={t.name} name="collection-title" value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} />
      <div className="v-field">
        <Button type="submit" disabled={create.isPending}>
          {t.add}
        </Button>
      </div>
      <FormError error={create.error} />
    </form>
  );
}

interface CollectionEditorProps {
  locale: Locale;
  collection: { id: string; title: string; slug: string; description: string; seoTitle: string | null; seoDescription: string | null };
  products: { id: string; title: string }[];
}

/** A collection's name, address and search fields, and its products in order (move, remove). */
export function CollectionEditor({ locale, collection, products }: CollectionEditorProps) {
  const t = catalogMessages[locale];
  const trpc = useTRPC();
  const router = useRouter();
  const [fields, setFields] = useState({
    title: collection.title,
    slug: collection.slug,
    description: collection.description,
    seoTitle: collection.seoTitle ?? '',
    seoDescription: collection.seoDescription ?? '',
  });
  const [saved, setSaved] = useState(false);
  const update = useMutation(trpc.catalog.collections.update.mutationOptions({ onSuccess: () => (setSaved(true), router.refresh()) }));
  const setProducts = useMutation(trpc.catalog.collections.setProducts.mutationOptions({ onSuccess: () => router.refresh() }));
  const remove = useMutation(trpc.catalog.collections.delete.mutationOptions({ onSuccess: () => router.push('/admin/collections') }));
  const errors = fieldErrorsOf(update.error);
  const ids = products.map((p) => p.id);
  const moved = (index: number, by: -1 | 1) => {
    const next = [...ids];
    const [id] = next.splice(index, 1);
    next.splice(index + by, 0, id!);
    return next;
  };
  const set = (key: keyof typeof fields) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setFields((f) => ({ ...f, [key]: e.target.value }));

  return (
    <>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          update.mutate({ id: collection.id, ...fields, seoTitle: fields.seoTitle.trim() || null, seoDescription: fields.seoDescription.trim() || null });
        }}
      >
        <FormError error={update.error} />
        <Input label={t.name} name="title" value={fields.title} onChange={set('title')} error={errors.title} />
        <Input label={t.slug} name="slug" value={fields.slug} onChange={set('slug')} error={errors.slug} />
        <div className="v-field">
          <label htmlFor="collection-description">{t.description}</label>
          <textarea id="collection-description" rows={3} value={fields.description} onChange={set('description')} />
        </div>
        <Input label={t.seoTitle} name="seoTitle" value={fields.seoTitle} onChange={set('seoTitle')} error={errors.seoTitle} />
        <Input label={t.seoDescription} name="seoDescription" value={fields.seoDescription} onChange={set('seoDescription')} error={errors.seoDescription} />
        <div className="v-row">
          <Button type="submit" disabled={update.isPending}>
            {t.save}
          </Button>
          <Button variant="danger" onClick={() => remove.mutate({ id: collection.id })}>
            {t.deleteNamed(collection.title)}
          </Button>
          {saved ? <p role="status">{t.saved}</p> : null}
        </div>
      </form>
      <h2>{t.collectionProducts}</h2>
      <FormError error={setProducts.error ?? remove.error} />
      {products.length === 0 ? (
        <p>{t.collectionEmpty}</p>
      ) : (
        <ol data-testid="collection-products">
          {products.map((p, index) => (
            <li key={p.id} className="v-row" style={{ alignItems: 'center' }}>
              <span>{p.title}</span>
              <Button variant="secondary" disabled={index === 0} aria-label={t.moveProductUp(p.title)} onClick={() => setProducts.mutate({ id: collection.id, productIds: moved(index, -1) })}>
                ↑
              </Button>
              <Button variant="secondary" disabled={index === products.length - 1} aria-label={t.moveProductDown(p.title)} onClick={() => setProducts.mutate({ id: collection.id, productIds: moved(index, 1) })}>
                ↓
              </Button>
              <Button variant="secondary" aria-label={t.removeFromCollection(p.title)} onClick={() => setProducts.mutate({ id: collection.id, productIds: ids.filter((id) => id !== p.id) })}>
                {t.delete}
              </Button>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
