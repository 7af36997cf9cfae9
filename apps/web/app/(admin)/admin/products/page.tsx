import { TRPCError } from '@trpc/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Badge, Card, EmptyState, PageHeader } from '@vitrine/ui';
import { adminCaller } from '../../../../src/admin/active-tenant.ts';
import { StoreHeaderActions } from '../../../../src/admin/store-header-actions.tsx';
import { CreateProductForm } from '../../../../src/admin/create-product-form.tsx';
import { imageUrl } from '../../../../src/catalog/image-url.ts';
import { CatalogNav } from '../../../../src/catalog/catalog-nav.tsx';
import { ProductsTable } from '../../../../src/catalog/products-table.tsx';
import { requestLocale } from '../../../../src/i18n/request-locale.ts';
import { catalogMessages } from '../../../../src/i18n/messages/catalog.ts';
import { FilterForm, PagingLinks, SearchField, SelectField } from '../../../../src/forms/filter-fields.tsx';
import { currentUser } from '../../../../src/server/auth.ts';
import { getEnv } from '../../../../src/server/env.ts';
import { storeUrl } from '../../../../src/admin/store-url.ts';

export const metadata = { title: 'Products · Vitrine' };


const STATUSES = ['DRAFT', 'ACTIVE', 'ARCHIVED'] as const;
type Status = (typeof STATUSES)[number];
const STATUS_OPTIONS = [
  { value: 'ACTIVE', label: 'Active' },
  { value: 'DRAFT', label: 'Draft' },
  { value: 'ARCHIVED', label: 'Archived' },
];
const STOCKS = ['in', 'out', 'low'] as const;
type Stock = (typeof STOCKS)[number];

interface Params {
  q?: string;
  status?: string;
  category?: string;
  collection?: string;
  stock?: string;
  cursor?: string;
}

export default async function ProductsPage({ searchParams }: { searchParams: Promise<Params> }) {
  // Layouts and pages render in parallel: the page checks the session too.
  if (!(await currentUser())) redirect('/login?next=/admin/products');
  const params = await searchParams;
  const { mine, active, caller } = await adminCaller();
  if (!active || !caller) {
    return (
      <main className="v-page">
        <EmptyState title="You have no store yet" action={<Link className="v-button" href="/admin/stores/new">Open your store</Link>}>
          Open a store to start adding products.
        </EmptyState>
      </main>
    );
  }
  const locale = await requestLocale();
  const t = catalogMessages[locale];
  const status = STATUSES.includes(params.status as Status) ? (params.status as Status) : undefined;
  const stock = STOCKS.includes(params.stock as Stock) ? (params.stock as Stock) : undefined;
  const search = params.q?.trim() || undefined;
  const [categories, collections] = await Promise.all([caller.catalog.categories.list(), caller.catalog.collections.list()]);
  const categoryId = categories.some((c) => c.id === params.category) ? params.category : undefined;
  const collectionId = collections.some((c) => c.id === params.collection) ? params.collection : undefined;
  // The store's settings need the settings permission; a member who may only edit the catalog still gets the
  // page, with the store's name and currency from their membership and no publishing controls.
  const [settings, page] = await Promise.all([
    caller.tenant.settings.get().catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === 'FORBIDDEN') return null;
      throw error;
    }),
    caller.catalog.products.list({ search, status, categoryId, collectionId, stock, cursor: params.cursor, limit: 25 }),
  ]);
  const filtered = Boolean(search || status || categoryId || collectionId || stock);
  const filters = { q: search, status, category: categoryId, collection: collectionId, stock };
  const tenant = settings?.tenant ?? active;
  const published = settings?.storefront.published ?? null;
  const platformDomain = getEnv().PLATFORM_DOMAIN;

  return (
    <main className="v-page">
      <PageHeader
        title={tenant.name}
        description={
          <>
            <a href={storeUrl(tenant.slug)}>{`${tenant.slug}.${platformDomain}`}</a>{' '}
            {published === null ? null : published ? <Badge tone="success">Published</Badge> : <Badge tone="warning">Not published</Badge>}
          </>
        }
        actions={published === null ? undefined : <StoreHeaderActions mine={mine} activeId={active.id} published={published} />}
      />
      <CatalogNav locale={locale} />
      <Card>
        <h2 style={{ marginTop: 0 }}>Add a product</h2>
        <CreateProductForm currency={tenant.currency} />
      </Card>
      <h2>Products</h2>
      <FilterForm action="/admin/products">
        <SearchField value={search} placeholder="Title or SKU" />
        <SelectField name="status" label="Status" value={status} options={STATUS_OPTIONS} />
        <SelectField name="category" label={t.category} value={categoryId} options={categories.map((c) => ({ value: c.id, label: c.name }))} />
        <SelectField name="collection" label={t.collection} value={collectionId} options={collections.map((c) => ({ value: c.id, label: c.title }))} />
        <SelectField
          name="stock"
          label={t.stockFilter}
          value={stock}
          options={[
            { value: 'in', label: t.inStock },
            { value: 'out', label: t.outOfStock },
            { value: 'low', label: t.lowStock },
          ]}
        />
      </FilterForm>
      {page.items.length === 0 ? (
        <EmptyState title={filtered ? 'No products match' : 'No products yet'}>
          {filtered ? 'Try another search or filter.' : 'Add your first product with the form above.'}
        </EmptyState>
      ) : (
        <ProductsTable
          locale={locale}
          storeLocale={tenant.locale}
          currency={tenant.currency}
          categories={categories}
          collections={collections}
          items={page.items.map((p) => ({
            id: p.id,
            title: p.title,
            status: p.status,
            priceMin: p.priceMin,
            priceMax: p.priceMax,
            currency: p.currency,
            totalStock: p.totalStock,
            imageUrl: p.image ? imageUrl(p.image, 160) : null,
          }))}
        />
      )}
      <PagingLinks path="/admin/products" filters={filters} cursor={params.cursor} nextCursor={page.nextCursor} />
    </main>
  );
}
