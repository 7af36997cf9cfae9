import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Badge, Button, Card, EmptyState, PageHeader, Price, Table } from '@vitrine/ui';
import { adminCaller } from '../../../src/admin/active-tenant.ts';
import { setStorePublishedAction, switchTenantAction } from '../../../src/admin/actions.ts';
import { CreateProductForm } from '../../../src/admin/create-product-form.tsx';
import { ProductStatusToggle } from '../../../src/admin/product-status-toggle.tsx';
import { FilterForm, PagingLinks, SearchField, SelectField } from '../../../src/forms/filter-fields.tsx';
import { currentUser } from '../../../src/server/auth.ts';
import { getEnv } from '../../../src/server/env.ts';

export const metadata = { title: 'Products · Vitrine' };

const STATUSES = ['DRAFT', 'ACTIVE', 'ARCHIVED'] as const;
type Status = (typeof STATUSES)[number];
const STATUS_OPTIONS = [
  { value: 'ACTIVE', label: 'Active' },
  { value: 'DRAFT', label: 'Draft' },
  { value: 'ARCHIVED', label: 'Archived' },
];
const STATUS_TONE = { ACTIVE: 'success', DRAFT: 'warning', ARCHIVED: 'neutral' } as const;

function storeUrl(slug: string) {
  const env = getEnv();
  const app = new URL(env.APP_URL);
  return `${app.protocol}//${slug}.${env.PLATFORM_DOMAIN}${app.port ? `:${app.port}` : ''}`;
}

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ q?: string; status?: string; cursor?: string }> }) {
  // Layouts and pages render in parallel: the page checks the session too.
  if (!(await currentUser())) redirect('/login?next=/admin');
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
  const status = STATUSES.includes(params.status as Status) ? (params.status as Status) : undefined;
  const search = params.q?.trim() || undefined;
  const [settings, page] = await Promise.all([
    caller.tenant.settings.get(),
    caller.catalog.products.list({ search, status, cursor: params.cursor, limit: 25 }),
  ]);
  const { tenant, storefront } = settings;
  const platformDomain = getEnv().PLATFORM_DOMAIN;

  return (
    <main className="v-page">
      <PageHeader
        title={tenant.name}
        description={
          <>
            <a href={storeUrl(tenant.slug)}>{`${tenant.slug}.${platformDomain}`}</a>{' '}
            {storefront.published ? <Badge tone="success">Published</Badge> : <Badge tone="warning">Not published</Badge>}
          </>
        }
        actions={
          <div className="v-row">
            {mine.length > 1 ? (
              <form action={switchTenantAction} className="v-row">
                <div className="v-field" style={{ marginBottom: 0 }}>
                  <label htmlFor="tenant-switcher">Store</label>
                  <select id="tenant-switcher" name="tenantId" defaultValue={active.id}>
                    {mine.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                  </select>
                </div>
                <Button type="submit" variant="secondary">
                  Switch
                </Button>
              </form>
            ) : null}
            <form action={setStorePublishedAction}>
              <input type="hidden" name="published" value={storefront.published ? 'false' : 'true'} />
              <Button type="submit" variant={storefront.published ? 'secondary' : 'primary'}>
                {storefront.published ? 'Unpublish store' : 'Publish store'}
              </Button>
            </form>
          </div>
        }
      />
      <Card>
        <h2 style={{ marginTop: 0 }}>Add a product</h2>
        <CreateProductForm currency={tenant.currency} />
      </Card>
      <h2>Products</h2>
      <FilterForm action="/admin">
        <SearchField value={search} placeholder="Title or SKU" />
        <SelectField name="status" label="Status" value={status} options={STATUS_OPTIONS} />
      </FilterForm>
      {page.items.length === 0 ? (
        <EmptyState title={search || status ? 'No products match' : 'No products yet'}>
          {search || status ? 'Try another search or status.' : 'Add your first product with the form above.'}
        </EmptyState>
      ) : (
        <Table data-testid="admin-products">
          <thead>
            <tr>
              <th>Title</th>
              <th>Price</th>
              <th>Stock</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {page.items.map((p) => (
              <tr key={p.id}>
                <td>{p.title}</td>
                <td>{p.priceMin !== null && p.currency ? <Price min={p.priceMin} max={p.priceMax ?? undefined} currency={p.currency} locale={tenant.locale} /> : '—'}</td>
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
      )}
      <PagingLinks path="/admin" filters={{ q: search, status }} cursor={params.cursor} nextCursor={page.nextCursor} />
    </main>
  );
}
