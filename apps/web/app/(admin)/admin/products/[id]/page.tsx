import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { Badge, PageHeader } from '@vitrine/ui';
import { storeUrl } from '../../../../../src/admin/store-url.ts';
import { ArchiveButton } from '../../../../../src/catalog/archive-button.tsx';
import { CatalogNav } from '../../../../../src/catalog/catalog-nav.tsx';
import { catalogPage } from '../../../../../src/catalog/catalog-page.tsx';
import { imageUrl } from '../../../../../src/catalog/image-url.ts';
import { variantToEditor } from '../../../../../src/catalog/editor-values.ts';
import { ProductEditor } from '../../../../../src/catalog/product-editor.tsx';
import { ProductImages } from '../../../../../src/catalog/product-images.tsx';

export const metadata = { title: 'Product · Vitrine' };

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { locale, t, active, caller, noStore } = await catalogPage(`/admin/products/${id}`);
  if (!active || !caller) return noStore;
  const [product, categories, settings] = await Promise.all([
    caller.catalog.products.get({ id }).catch((error: unknown) => {
      if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) return null;
      throw error;
    }),
    caller.catalog.categories.list(),
    caller.tenant.settings.get(),
  ]);
  const currency = settings.tenant.currency;
  if (!product) notFound();
  const statusLabel = { ACTIVE: t.active, DRAFT: t.draft, ARCHIVED: t.archived }[product.status];
  return (
    <main className="v-page">
      <PageHeader
        title={product.title}
        description={
          <>
            <Badge tone={product.status === 'ACTIVE' ? 'success' : product.status === 'DRAFT' ? 'warning' : 'neutral'}>{statusLabel}</Badge>{' '}
            {product.status === 'ACTIVE' ? <a href={`${storeUrl(active.slug)}/products/${product.slug}`}>{t.viewInStore}</a> : null}
          </>
        }
        actions={<ArchiveButton locale={locale} id={product.id} archived={product.status === 'ARCHIVED'} />}
      />
      <CatalogNav locale={locale} />
      <ProductImages
        key={product.images.map((i) => `${i.id}:${i.alt}`).join(',')}
        locale={locale}
        productId={product.id}
        images={product.images.map((i) => ({ id: i.id, alt: i.alt, thumbnailUrl: imageUrl(i, 160) }))}
      />
      <ProductEditor
        key={`${product.id}:${product.status}`}
        locale={locale}
        currency={currency}
        categories={categories.map((c) => ({ id: c.id, name: c.name }))}
        product={{
          id: product.id,
          title: product.title,
          slug: product.slug,
          description: product.description,
          status: product.status,
          categoryId: product.categoryId,
          seoTitle: product.seoTitle,
          seoDescription: product.seoDescription,
          options: product.options as { name: string; values: string[] }[],
          variants: product.variants.map((v) => variantToEditor(v, currency)),
        }}
      />
    </main>
  );
}
