import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { PageHeader } from '@vitrine/ui';
import { CatalogNav } from '../../../../../src/catalog/catalog-nav.tsx';
import { catalogPage } from '../../../../../src/catalog/catalog-page.tsx';
import { CollectionEditor } from '../../../../../src/catalog/taxonomy-forms.tsx';

export const metadata = { title: 'Collection · Vitrine' };

export default async function CollectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { locale, active, caller, noStore } = await catalogPage(`/admin/collections/${id}`);
  if (!active || !caller) return noStore;
  const collection = await caller.catalog.collections.get({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) return null;
    throw error;
  });
  if (!collection) notFound();
  const { products, ...fields } = collection;
  return (
    <main className="v-page">
      <PageHeader title={collection.title} />
      <CatalogNav locale={locale} />
      <CollectionEditor
        key={products.map((p) => p.id).join(',') + fields.updatedAt.toISOString()}
        locale={locale}
        collection={fields}
        products={products.map((p) => ({ id: p.id, title: p.title }))}
      />
    </main>
  );
}
