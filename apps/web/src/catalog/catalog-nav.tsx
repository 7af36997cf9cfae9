import Link from 'next/link';
import type { Locale } from '../i18n/locale.ts';
import { catalogMessages } from '../i18n/messages/catalog.ts';

/** The catalogue's pages, under the page header of each of them. */
export function CatalogNav({ locale }: { locale: Locale }) {
  const t = catalogMessages[locale];
  return (
    <nav aria-label={t.products} className="v-row" style={{ marginBottom: 'var(--space-4)' }}>
      <Link href="/admin/products">{t.products}</Link>
      <Link href="/admin/products/new">{t.newProduct}</Link>
      <Link href="/admin/categories">{t.categories}</Link>
      <Link href="/admin/collections">{t.collections}</Link>
      <Link href="/admin/products/import">{t.importExport}</Link>
    </nav>
  );
}
