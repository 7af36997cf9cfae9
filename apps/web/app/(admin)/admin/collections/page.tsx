import Link from 'next/link';
import { Card, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { CatalogNav } from '../../../../src/catalog/catalog-nav.tsx';
import { catalogPage } from '../../../../src/catalog/catalog-page.tsx';
import { CreateCollectionForm } from '../../../../src/catalog/taxonomy-forms.tsx';

export const metadata = { title: 'Collections · Vitrine' };

export default async function CollectionsPage() {
  const { locale, t, active, caller, noStore } = await catalogPage('/admin/collections');
  if (!active || !caller) return noStore;
  const collections = await caller.catalog.collections.list();
  return (
    <main className="v-page">
      <PageHeader title={t.collections} />
      <CatalogNav locale={locale} />
      <Card>
        <h2 style={{ marginTop: 0 }}>{t.addCollection}</h2>
        <CreateCollectionForm locale={locale} />
      </Card>
      {collections.length === 0 ? (
        <EmptyState title={t.collections}>{t.noCollections}</EmptyState>
      ) : (
        <Table data-testid="collections">
          <thead>
            <tr>
              <th>{t.name}</th>
              <th>{t.slug}</th>
              <th>{t.productCount}</th>
            </tr>
          </thead>
          <tbody>
            {collections.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/admin/collections/${c.id}`}>{c.title}</Link>
                </td>
                <td>{c.slug}</td>
                <td>{c.productCount}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </main>
  );
}
