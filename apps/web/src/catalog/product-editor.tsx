'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button, Card, Input } from '@vitrine/ui';
import type { Locale } from '../i18n/locale.ts';
import { catalogMessages } from '../i18n/messages/catalog.ts';
import { parsePriceToMinor } from '../admin/money-input.ts';
import { useTRPC } from '../trpc/client.tsx';
import { CategorySelect } from './category-select.tsx';
import { minorToText, variantToEditor, type EditorVariant } from './editor-values.ts';

export type { EditorVariant } from './editor-values.ts';


export interface EditorProduct {
  id: string;
  title: string;
  slug: string;
  description: string;
  status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED';
  categoryId: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  options: { name: string; values: string[] }[];
  variants: EditorVariant[];
}

interface Props {
  locale: Locale;
  currency: string;
  categories: { id: string; name: string }[];
  product?: EditorProduct;
}

interface OptionRow {
  name: string;
  values: string;
}

const variantName = (v: EditorVariant, index: number) => Object.values(v.attributes).join(' / ') || v.title || `#${index + 1}`;

/** Details, search fields, options and the variant matrix of a product; creates it or saves its changes. */
export function ProductEditor({ locale, currency, categories, product }: Props) {
  const t = catalogMessages[locale];
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [title, setTitle] = useState(product?.title ?? '');
  const [slug, setSlug] = useState(product?.slug ?? '');
  const [description, setDescription] = useState(product?.description ?? '');
  const [categoryId, setCategoryId] = useState(product?.categoryId ?? '');
  const [status, setStatus] = useState<'DRAFT' | 'ACTIVE'>(product?.status === 'ACTIVE' ? 'ACTIVE' : 'DRAFT');
  const [seoTitle, setSeoTitle] = useState(product?.seoTitle ?? '');
  const [seoDescription, setSeoDescription] = useState(product?.seoDescription ?? '');
  const [options, setOptions] = useState<OptionRow[]>((product?.options ?? []).map((o) => ({ name: o.name, values: o.values.join(', ') })));
  const [variants, setVariants] = useState<EditorVariant[]>(
    product?.variants ?? [{ sku: '', title: '', attributes: {}, price: '', stock: '0', enabled: true }],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const parsedOptions = () =>
    options
      .map((o) => ({ name: o.name.trim(), values: o.values.split(',').map((v) => v.trim()).filter(Boolean) }))
      .filter((o) => o.name || o.values.length);

  const onError = (error: { message: string; data?: unknown }) => {
    const data = (error.data ?? {}) as { fieldErrors?: Record<string, string[]> };
    const fieldErrors = Object.fromEntries(Object.entries(data.fieldErrors ?? {}).map(([k, v]) => [k, v[0] ?? '']));
    setErrors(fieldErrors);
    setFormError(error.message);
  };

  const toVariants = () => {
    const problems: Record<string, string> = {};
    const rows = variants.map((v, i) => {
      const priceAmount = parsePriceToMinor(v.price, currency);
      const stock = Number(v.stock);
      if (priceAmount === null) problems[`variants.${i}.priceAmount`] = t.priceFormat;
      if (!Number.isInteger(stock) || stock < 0) problems[`variants.${i}.stock`] = t.stockFormat;
      return { ...(v.id ? { id: v.id } : {}), sku: v.sku.trim(), title: v.title, attributes: v.attributes, priceAmount: priceAmount ?? 0, stock, enabled: v.enabled };
    });
    return { rows, problems };
  };

  const generate = useMutation({
    mutationFn: async () => {
      const { rows } = toVariants();
      const firstPrice = rows.find((v) => v.priceAmount > 0)?.priceAmount ?? 0;
      // Rows already made from options keep their SKU, price and stock; the blank starting row is replaced.
      const current = rows
        .filter((v) => v.sku && Object.keys(v.attributes).length > 0 && Number.isInteger(v.stock) && v.stock >= 0)
        .map(({ id, ...rest }) => ({ ...rest, ...(id ? { id } : {}) }));
      return queryClient.fetchQuery(
        trpc.catalog.products.previewVariants.queryOptions({
          productId: product?.id,
          slug: slug || title,
          options: parsedOptions(),
          priceAmount: firstPrice,
          current,
        }),
      );
    },
    onSuccess: (preview) => {
      setErrors({});
      setFormError(null);
      setVariants(
        preview.variants.map((v) => ({
          id: v.id,
          sku: v.sku,
          title: v.title,
          attributes: v.attributes,
          price: minorToText(v.priceAmount, currency),
          stock: String(v.stock),
          enabled: v.enabled,
        })),
      );
    },
    onError,
  });

  const create = useMutation(trpc.catalog.products.create.mutationOptions({ onError, onSuccess: (p) => router.push(`/admin/products/${p.id}`) }));
  const update = useMutation(
    trpc.catalog.products.update.mutationOptions({
      onError,
      onSuccess: (p) => {
        setSaved(true);
        setVariants(p.variants.map((v) => variantToEditor(v, currency)));
        router.refresh();
      },
    }),
  );
  const pending = create.isPending || update.isPending;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setFormError(null);
    const { rows, problems } = toVariants();
    if (Object.keys(problems).length) {
      setErrors(problems);
      return;
    }
    setErrors({});
    const fields = {
      title,
      description,
      categoryId: categoryId || null,
      seoTitle: seoTitle.trim() || null,
      seoDescription: seoDescription.trim() || null,
      options: parsedOptions(),
      variants: rows,
    };
    if (product) {
      update.mutate({ id: product.id, ...fields, ...(slug ? { slug } : {}), ...(product.status === 'ARCHIVED' ? {} : { status }) });
    } else {
      create.mutate({ ...fields, status, ...(slug ? { slug } : {}), variants: rows.map(({ id: _id, ...v }) => v) });
    }
  };

  const setVariant = (index: number, patch: Partial<EditorVariant>) =>
    setVariants((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const err = (key: string) => errors[key];

  return (
    <form onSubmit={submit} noValidate>
      {formError ? (
        <p className="v-alert" role="alert">
          {formError}
        </p>
      ) : null}
      <Card>
        <h2 style={{ marginTop: 0 }}>{t.details}</h2>
        <Input label={t.title} name="title" value={title} onChange={(e) => setTitle(e.target.value)} error={err('title')} />
        <Input label={t.slug} name="slug" value={slug} onChange={(e) => setSlug(e.target.value)} error={err('slug')} aria-describedby="slug-help" />
        <p id="slug-help">
          {t.slugHelp}
        </p>
        <div className="v-field">
          <label htmlFor="field-description">{t.description}</label>
          <textarea id="field-description" name="description" rows={5} value={description} onChange={(e) => setDescription(e.target.value)} />
          {err('description') ? <span className="v-field__error" role="alert">{err('description')}</span> : null}
        </div>
        <div className="v-row">
          <CategorySelect id="field-category" label={t.category} emptyLabel={t.noCategory} categories={categories} value={categoryId} onChange={setCategoryId} />
          {product?.status === 'ARCHIVED' ? (
            <p>{t.archivedNote}</p>
          ) : (
            <div className="v-field">
              <label htmlFor="field-status">{t.status}</label>
              <select id="field-status" value={status} onChange={(e) => setStatus(e.target.value as 'DRAFT' | 'ACTIVE')}>
                <option value="DRAFT">{t.draft}</option>
                <option value="ACTIVE">{t.active}</option>
              </select>
            </div>
          )}
        </div>
      </Card>
      <Card>
        <h2 style={{ marginTop: 0 }}>{t.seo}</h2>
        <Input label={t.seoTitle} name="seoTitle" value={seoTitle} maxLength={70} onChange={(e) => setSeoTitle(e.target.value)} error={err('seoTitle')} />
        <Input label={t.seoDescription} name="seoDescription" value={seoDescription} maxLength={160} onChange={(e) => setSeoDescription(e.target.value)} error={err('seoDescription')} />
      </Card>
      <Card>
        <h2 style={{ marginTop: 0 }}>{t.options}</h2>
        <p>{t.optionsHelp}</p>
        {options.map((o, i) => (
          <div className="v-row" key={i}>
            <Input label={t.optionName(i + 1)} name={`option-${i}-name`} value={o.name} onChange={(e) => setOptions((rows) => rows.map((r, j) => (j === i ? { ...r, name: e.target.value } : r)))} error={err(`options.${i}.name`)} />
            <Input label={t.optionValues(i + 1)} name={`option-${i}-values`} value={o.values} onChange={(e) => setOptions((rows) => rows.map((r, j) => (j === i ? { ...r, values: e.target.value } : r)))} error={err(`options.${i}.values`)} />
            <div className="v-field">
              <Button variant="secondary" onClick={() => setOptions((rows) => rows.filter((_, j) => j !== i))}>
                {t.removeOption(i + 1)}
              </Button>
            </div>
          </div>
        ))}
        {err('options') ? <p className="v-field__error" role="alert">{err('options')}</p> : null}
        <div className="v-row">
          {options.length < 3 ? (
            <Button variant="secondary" onClick={() => setOptions((rows) => [...rows, { name: '', values: '' }])}>
              {t.addOption}
            </Button>
          ) : null}
          {options.length > 0 ? (
            <Button variant="secondary" disabled={generate.isPending} onClick={() => generate.mutate()}>
              {t.generate}
            </Button>
          ) : null}
        </div>
      </Card>
      <Card>
        <h2 style={{ marginTop: 0 }}>{t.variants}</h2>
        {err('variants') ? <p className="v-field__error" role="alert">{err('variants')}</p> : null}
        <table className="v-table" data-testid="variant-matrix">
          <thead>
            <tr>
              <th>{t.variant}</th>
              <th>{t.sku}</th>
              <th>{t.price(currency)}</th>
              <th>{t.stock}</th>
              <th>{t.sell}</th>
            </tr>
          </thead>
          <tbody>
            {variants.map((v, i) => {
              const name = variantName(v, i);
              return (
                <tr key={v.id ?? `${i}-${Object.values(v.attributes).join('-')}`}>
                  <td>{name}</td>
                  <td>
                    <Input label={t.skuOf(name)} id={`variant-${i}-sku`} name={`variant-${i}-sku`} value={v.sku} onChange={(e) => setVariant(i, { sku: e.target.value })} error={err(`variants.${i}.sku`)} />
                  </td>
                  <td>
                    <Input label={t.priceOf(name)} id={`variant-${i}-price`} name={`variant-${i}-price`} inputMode="decimal" value={v.price} onChange={(e) => setVariant(i, { price: e.target.value })} error={err(`variants.${i}.priceAmount`)} />
                  </td>
                  <td>
                    <Input label={t.stockOf(name)} id={`variant-${i}-stock`} name={`variant-${i}-stock`} inputMode="numeric" value={v.stock} onChange={(e) => setVariant(i, { stock: e.target.value })} error={err(`variants.${i}.stock`)} />
                  </td>
                  <td>
                    <input type="checkbox" aria-label={t.sellOf(name)} checked={v.enabled} onChange={(e) => setVariant(i, { enabled: e.target.checked })} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>
      <div className="v-row">
        <Button type="submit" disabled={pending}>
          {pending ? t.saving : product ? t.save : t.create}
        </Button>
        {saved ? <p role="status">{t.saved}</p> : null}
      </div>
    </form>
  );
}
