'use client';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Badge, Button, Price, Table } from '@vitrine/ui';
import { ProductStatusToggle } from '../admin/product-status-toggle.tsx';
import type { Locale } from '../i18n/locale.ts';
import { catalogMessages } from '../i18n/messages/catalog.ts';
import { useTRPC } from '../trpc/client.tsx';

export interface ProductRow {
  id: string;
  title: string;
  status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED';
  priceMin: number | null;
  priceMax: number | null;
  currency: string | null;
  totalStock: number;
  imageUrl: string | null;
}

type BulkChoice = 'publish' | 'unpublish' | 'archive' | 'restore' | 'setCategory' | 'addToCollection';
const STATUS_TONE = { ACTIVE: 'success', DRAFT: 'warning', ARCHIVED: 'neutral' } as const;

/** The product list with a checkbox per row and a bar that applies one action to the selected products. */
export function ProductsTable(props: {
  locale: Locale;
  storeLocale: string;
  currency: string;
  items: ProductRow[];
  categories: { id: string; name: string }[];
  collections: { id: string; title: string }[];
}) {
  const { locale, items } = props;
  const t = catalogMessages[locale];
  const trpc = useTRPC();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [action, setAction] = useState<BulkChoice>('publish');
  const [target, setTarget] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const bulk = useMutation(
    trpc.catalog.products.bulk.mutationOptions({
      onSuccess: (result) => {
        setMessage(t.bulkDone(result.changed));
        setSelected(new Set());
        router.refresh();
      },
    }),
  );
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allOn = items.length > 0 && items.every((p) => selected.has(p.id));

  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const ids = [...selected];
    if (action === 'setCategory') bulk.mutate({ action, ids, categoryId: target || null });
    else if (action === 'addToCollection') bulk.mutate({ action, ids, collectionId: target });
    else bulk.mutate({ action, ids });
  };

  const labels: Record<BulkChoice, string> = {
    publish: t.publish,
    unpublish: t.unpublish,
    archive: t.archive,
    restore: t.restore,
    setCategory: t.setCategory,
    addToCollection: t.addToCollection,
  };

  return (
    <>
      {selected.size > 0 ? (
        <form className="v-row" onSubmit={apply} data-testid="bulk-bar">
          <strong>{t.selected(selected.size)}</strong>
          <div className="v-field">
            <label htmlFor="bulk-action">{t.bulkActions}</label>
            <select id="bulk-action" value={action} onChange={(e) => (setAction(e.target.value as BulkChoice), setTarget(''))}>
              {(Object.keys(labels) as BulkChoice[]).map((k) => (
                <option key={k} value={k}>
                  {labels[k]}
                </option>
              ))}
            </select>
          </div>
          {action === 'setCategory' ? (
            <div className="v-field">
              <label htmlFor="bulk-category">{t.category}</label>
              <select id="bulk-category" value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">{t.noCategory}</option>
                {props.categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {action === 'addToCollection' ? (
            <div className="v-field">
              <label htmlFor="bulk-collection">{t.collection}</label>
              <select id="bulk-collection" value={target} onChange={(e) => setTarget(e.target.value)} required>
                <option value="" disabled>
                  —
                </option>
                {props.collections.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="v-field">
            <Button type="submit" disabled={bulk.isPending || (action === 'addToCollection' && !target)}>
              {t.apply}
            </Button>
          </div>
        </form>
      ) : null}
      {bulk.error ? (
        <p className="v-alert" role="alert">
          {bulk.error.message}
        </p>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
      <Table data-testid="admin-products">
        <thead>
          <tr>
            <th>
              <input type="checkbox" aria-label={t.selectAll} checked={allOn} onChange={(e) => setSelected(e.target.checked ? new Set(items.map((p) => p.id)) : new Set())} />
            </th>
            <th />
            <th>{t.title}</th>
            <th>{t.price(props.currency)}</th>
            <th>{t.stock}</th>
            <th>{t.status}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}>
              <td>
                <input type="checkbox" aria-label={t.select(p.title)} checked={selected.has(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
              </td>
              <td>{p.imageUrl ? <img src={p.imageUrl} alt="" width={40} style={{ height: 'auto' }} /> : null}</td>
              <td>
                <Link href={`/admin/products/${p.id}`} aria-label={t.edit(p.title)}>
                  {p.title}
                </Link>
              </td>
              <td>{p.priceMin !== null && p.currency ? <Price min={p.priceMin} max={p.priceMax ?? undefined} currency={p.currency} locale={props.storeLocale} /> : '—'}</td>
              <td>{p.totalStock}</td>
              <td>
                <Badge tone={STATUS_TONE[p.status]}>{p.status.toLowerCase()}</Badge>
              </td>
              <td>
                <ProductStatusToggle id={p.id} status={p.status} title={p.title} />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
