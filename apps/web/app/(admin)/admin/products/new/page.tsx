import { PageHeader } from '@vitrine/ui';
import { CatalogNav } from '../../../../../src/catalog/catalog-nav.tsx';
import { catalogPage } from '../../../../../src/catalog/catalog-page.tsx';
import { ProductEditor } from '../../../../../src/catalog/product-editor.tsx';

export const metadata = { title: 'New product · Vitrine' };

export default async function NewProductPage() {
  const { locale, t, active, caller, noStore } = await catalogPage('/admin/products/new');
  if (!active || !caller) return noStore;
  const [categories, settings] = await Promise.all([caller.catalog.categories.list(), caller.tenant.settings.get()]);
  return (
    <main className="v-page">
      <PageHeader title={t.newProduct} />
      <CatalogNav locale={locale} />
      <ProductEditor locale={locale} currency={settings.tenant.currency} categories={categories.map((c) => ({ id: c.id, name: c.name }))} />
    </main>
  );
}
