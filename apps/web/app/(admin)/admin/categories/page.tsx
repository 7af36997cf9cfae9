import { Card, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { CatalogNav } from '../../../../src/catalog/catalog-nav.tsx';
import { catalogPage } from '../../../../src/catalog/catalog-page.tsx';
import { CreateCategoryForm, DeleteCategoryButton } from '../../../../src/catalog/taxonomy-forms.tsx';

export const metadata = { title: 'Categories · Vitrine' };

export default async function CategoriesPage() {
  const { locale, t, active, caller, noStore } = await catalogPage('/admin/categories');
  if (!active || !caller) return noStore;
  const categories = await caller.catalog.categories.list();
  const names = new Map(categories.map((c) => [c.id, c.name]));
  return (
    <main className="v-page">
      <PageHeader title={t.categories} />
      <CatalogNav locale={locale} />
      <Card>
        <h2 style={{ marginTop: 0 }}>{t.addCategory}</h2>
        <CreateCategoryForm locale={locale} categories={categories.map((c) => ({ id: c.id, name: c.name }))} />
      </Card>
      {categories.length === 0 ? (
        <EmptyState title={t.categories}>{t.noCategories}</EmptyState>
      ) : (
        <Table data-testid="categories">
          <thead>
            <tr>
              <th>{t.name}</th>
              <th>{t.slug}</th>
              <th>{t.parent}</th>
              <th>{t.productCount}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {categories.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{c.slug}</td>
                <td>{c.parentId ? names.get(c.parentId) : '—'}</td>
                <td>{c.productCount}</td>
                <td>
                  <DeleteCategoryButton locale={locale} id={c.id} name={c.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </main>
  );
}
