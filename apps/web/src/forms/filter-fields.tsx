import type { ReactNode } from 'react';
import Link from 'next/link';
import { Button } from '@vitrine/ui';
import { hrefWith } from '../mercadolivre/filters.ts';

/**
 * The filter bar of the admin list pages: a GET form, so the filters live in the query string, with the
 * Filter button after the fields. Plain fields, no client code.
 */
export function FilterForm({ action, children, submitLabel = 'Filter' }: { action: string; children: ReactNode; submitLabel?: string }) {
  return (
    <form className="v-row" method="get" action={action}>
      {children}
      <div className="v-field">
        <Button type="submit" variant="secondary">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

interface FieldProps {
  /** The field's id and query-string name. */
  name: string;
  label: string;
  /** The value the page was filtered by, if any. */
  value?: string | undefined;
}

/** The free-text search, named `q`. */
export function SearchField({ value, placeholder, label = 'Search' }: { value?: string | undefined; placeholder: string; label?: string }) {
  return (
    <div className="v-field">
      <label htmlFor="q">{label}</label>
      <input id="q" name="q" defaultValue={value} placeholder={placeholder} />
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

/** A choice among `options`, after an "All" option that leaves the filter off. */
export function SelectField({ name, label, value, options, allLabel = 'All' }: FieldProps & { options: readonly SelectOption[]; allLabel?: string }) {
  return (
    <div className="v-field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={value ?? ''}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A day, as `YYYY-MM-DD` (read back with `parseDay`). */
export function DateField({ name, label, value }: FieldProps) {
  return (
    <div className="v-field">
      <label htmlFor={name}>{label}</label>
      <input id={name} name={name} type="date" defaultValue={value} />
    </div>
  );
}

interface PagingLinksProps {
  path: string;
  /** The filters the list was read with; both links keep them. */
  filters: Record<string, string | undefined>;
  /** The cursor this page was read from: past the first page when set. */
  cursor?: string | undefined;
  nextCursor?: string | null | undefined;
  /** The two links' words, in the page's language. */
  labels?: { first: string; next: string };
}

/** "First page" once past it, "Next page" while there is one. */
export function PagingLinks({ path, filters, cursor, nextCursor, labels = { first: 'First page', next: 'Next page' } }: PagingLinksProps) {
  return (
    <p className="v-row">
      {cursor ? <Link href={hrefWith(path, filters)}>{labels.first}</Link> : null}
      {nextCursor ? <Link href={hrefWith(path, filters, nextCursor)}>{labels.next}</Link> : null}
    </p>
  );
}
