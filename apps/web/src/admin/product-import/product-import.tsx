'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, Table } from '@vitrine/ui';
import type { Locale } from '../../i18n/locale.ts';
import { productImportMessages } from '../../i18n/messages/product-import.ts';
import { useTRPC } from '../../trpc/client.tsx';

/** Errors listed on the page; the import keeps up to 500 and counts them all. */
const SHOWN_ERRORS = 100;

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** Upload → check (errors by row and column, or what will change) → commit → live progress. */
export function ProductImport({ locale }: { locale: Locale }) {
  const t = productImportMessages[locale];
  const trpc = useTRPC();
  const [readError, setReadError] = useState<string | null>(null);
  const preview = useMutation(trpc.productIo.preview.mutationOptions());
  const commit = useMutation(trpc.productIo.commit.mutationOptions());
  const importId = commit.data?.id ?? null;
  const running = useQuery({
    ...trpc.productIo.get.queryOptions({ id: importId ?? '' }),
    enabled: importId !== null,
    refetchInterval: (query) => (query.state.data && ['SUCCEEDED', 'FAILED'].includes(query.state.data.status) ? false : 1000),
  });

  async function choose(file: File | undefined) {
    setReadError(null);
    commit.reset();
    preview.reset();
    if (!file) return;
    try {
      preview.mutate({ fileName: file.name, contentBase64: await base64Of(file) });
    } catch (error) {
      setReadError((error as Error).message);
    }
  }

  const checked = preview.data;
  const outcome = running.data ?? commit.data;
  return (
    <Card>
      <div className="v-field">
        <label htmlFor="product-file">{t.fileLabel}</label>
        <input
          id="product-file"
          name="file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="product-file-hint"
          onChange={(event) => void choose(event.target.files?.[0])}
        />
        <small id="product-file-hint">{t.fileHint}</small>
        {readError || preview.error ? (
          <span className="v-field__error" role="alert">
            {readError ?? preview.error?.message}
          </span>
        ) : null}
      </div>
      {preview.isPending ? <p role="status">{t.checking}</p> : null}

      {checked && checked.status === 'INVALID' ? (
        <section aria-labelledby="import-errors-title" data-testid="import-errors">
          <h2 id="import-errors-title">{t.invalidTitle(checked.errorCount)}</h2>
          <p>{t.invalidHint}</p>
          <Table>
            <thead>
              <tr>
                <th>{t.row}</th>
                <th>{t.column}</th>
                <th>{t.problem}</th>
              </tr>
            </thead>
            <tbody>
              {checked.errors.slice(0, SHOWN_ERRORS).map((error, index) => (
                <tr key={index} data-testid="import-error">
                  <td>{error.row}</td>
                  <td>{error.column ?? '—'}</td>
                  <td>{error.message}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          {checked.errorCount > SHOWN_ERRORS ? <p>{t.more(checked.errorCount - SHOWN_ERRORS)}</p> : null}
        </section>
      ) : null}

      {checked && checked.status === 'VALIDATED' && !outcome ? (
        <section aria-labelledby="import-ready-title" data-testid="import-ready">
          <h2 id="import-ready-title">{t.readyTitle(checked.rows)}</h2>
          <ul>
            <li>{t.willCreate(checked.summary.productsCreated ?? 0, checked.summary.variantsCreated ?? 0)}</li>
            <li>{t.willUpdate(checked.summary.productsUpdated ?? 0, checked.summary.variantsUpdated ?? 0)}</li>
            {checked.summary.categoriesCreated ? <li>{t.newCategories(checked.summary.categoriesCreated)}</li> : null}
          </ul>
          <Button disabled={commit.isPending} onClick={() => commit.mutate({ id: checked.id })}>
            {t.commit}
          </Button>
          {commit.error ? (
            <span className="v-field__error" role="alert">
              {' '}
              {commit.error.message}
            </span>
          ) : null}
        </section>
      ) : null}

      {outcome ? (
        <section aria-live="polite" data-testid="import-outcome" data-status={outcome.status}>
          {outcome.status === 'QUEUED' ? <p>{t.queued}</p> : null}
          {outcome.status === 'RUNNING' ? (
            <p>
              {t.importing(outcome.progress.done, outcome.progress.total)}{' '}
              <progress max={Math.max(1, outcome.progress.total)} value={outcome.progress.done} />
            </p>
          ) : null}
          {outcome.status === 'SUCCEEDED' ? (
            <p>
              {t.succeeded} <a href="/admin/products">{t.viewProducts}</a>
            </p>
          ) : null}
          {outcome.status === 'FAILED' ? (
            <div role="alert">
              <p>{t.failed}</p>
              <ul>
                {outcome.errors.slice(0, SHOWN_ERRORS).map((error, index) => (
                  <li key={index}>
                    {t.row} {error.row}
                    {error.column ? ` (${error.column})` : ''}: {error.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      ) : null}
    </Card>
  );
}
