import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { newUploadKey, processImageUpload, storeImage } from '@vitrine/media/images';
import { LocalDiskStorage } from '@vitrine/media/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';

/** Variants from options, slugs and their redirects, search and filters, bulk actions, collections and images. */
let h: ApiHarness;
let owner: SessionUser;
let store: { id: string; hostname: string };
let storageDir: string;
let storage: LocalDiskStorage;

beforeAll(async () => {
  storageDir = await mkdtemp(join(tmpdir(), 'vitrine-catalog-'));
  storage = new LocalDiskStorage({ root: storageDir, publicBaseUrl: '/media' });
  h = await createApiHarness('catalog_features', { storage });
  owner = await h.createUser('owner');
  store = await h.createStore(owner, 'features');
});
afterAll(async () => {
  await h?.close();
  await rm(storageDir, { recursive: true, force: true });
});

const admin = () => h.caller(owner, { tenantId: store.id });
const options = [
  { name: 'Size', values: ['S', 'M', 'L'] },
  { name: 'Colour', values: ['Black', 'White'] },
];

describe('variants from options', () => {
  it('previews the Size × Colour matrix with uppercase SKUs free in the store, keeping rows already on the form', async () => {
    await admin().catalog.products.create({ title: 'Other', variants: [{ sku: 'TEE-S-BLACK', priceAmount: 1 }] });
    const preview = await admin().catalog.products.previewVariants({ slug: 'tee', options, priceAmount: 4990 });
    expect(preview.variants.map((v) => v.sku)).toEqual(['TEE-S-BLACK-2', 'TEE-S-WHITE', 'TEE-M-BLACK', 'TEE-M-WHITE', 'TEE-L-BLACK', 'TEE-L-WHITE']);
    expect(preview.variants[3]).toMatchObject({ title: 'M / White', attributes: { Size: 'M', Colour: 'White' }, priceAmount: 4990, stock: 0, enabled: true });

    const kept = { sku: 'MY-OWN', attributes: { Colour: 'white', Size: 'm' }, priceAmount: 100, stock: 7, enabled: false, title: '' };
    const again = await admin().catalog.products.previewVariants({ slug: 'tee', options, priceAmount: 4990, current: [kept] });
    expect(again.variants[3]).toMatchObject({ sku: 'MY-OWN', stock: 7, enabled: false, existing: true, attributes: { Size: 'M', Colour: 'White' } });
  });

  it('creates a product with its matrix, sells only enabled combinations, and refuses variants that do not fit the options', async () => {
    const { variants } = await admin().catalog.products.previewVariants({ slug: 'hoodie', options, priceAmount: 9900 });
    const rows = variants.map(({ existing: _existing, ...v }, i) => ({ ...v, stock: i, enabled: i !== 1 }));
    const product = await admin().catalog.products.create({ title: 'Hoodie', status: 'ACTIVE', options, variants: rows });
    expect(product.options).toEqual(options);
    expect(product.variants.map((v) => [v.sku, v.enabled])).toEqual(rows.map((r) => [r.sku, r.enabled]));
    expect(product.totalStock).toBe(0 + 2 + 3 + 4 + 5);

    await expectTRPCError(
      admin().catalog.products.create({ title: 'Bad', options, variants: [{ sku: 'BAD-1', priceAmount: 1, attributes: { Size: 'XL', Colour: 'Black' } }] }),
      'BAD_REQUEST',
      /"XL" is not one of the values of Size/,
    );
    await expectTRPCError(
      admin().catalog.products.update({ id: product.id, options, variants: [rows[0]!, { ...rows[0]!, sku: 'DUP' }] }),
      'BAD_REQUEST',
      /Two variants are S \/ Black/,
    );
    await expectTRPCError(admin().catalog.products.update({ id: product.id, options }), 'BAD_REQUEST', /together with the options/);
  });

  it('keeps single-variant products without options working', async () => {
    const plain = await admin().catalog.products.create({ title: 'Mug', variants: [{ sku: 'MUG-1', priceAmount: 2500, stock: 3 }] });
    expect(plain.options).toEqual([]);
    const updated = await admin().catalog.products.update({ id: plain.id, variants: [{ id: plain.variants[0]!.id, sku: 'MUG-1', priceAmount: 2600, stock: 0 }] });
    expect(updated.totalStock).toBe(0);
  });
});

describe('addresses and redirects', () => {
  it('keeps a renamed address as a redirect the storefront resolves, and frees it when used again', async () => {
    await h.caller(owner, { tenantId: store.id }).tenant.settings.update({ published: true });
    const p = await admin().catalog.products.create({ title: 'Blue Jacket', status: 'ACTIVE', variants: [{ sku: 'JACKET-1', priceAmount: 100 }] });
    expect(p.slug).toBe('blue-jacket');
    await admin().catalog.products.update({ id: p.id, slug: 'navy-jacket' });
    await admin().catalog.products.update({ id: p.id, slug: 'deep-navy-jacket' });
    const visitor = h.caller(null, { host: store.hostname });
    expect(await visitor.storefront.productRedirect({ slug: 'blue-jacket' })).toEqual({ slug: 'deep-navy-jacket' });
    expect(await visitor.storefront.productRedirect({ slug: 'navy-jacket' })).toEqual({ slug: 'deep-navy-jacket' });
    expect(await visitor.storefront.productRedirect({ slug: 'never-existed' })).toBeNull();
    expect((await visitor.storefront.product({ slug: 'deep-navy-jacket' })).id).toBe(p.id);

    // Another product takes the old address: it is live again and stops redirecting.
    await admin().catalog.products.create({ title: 'Blue Jacket', slug: 'blue-jacket', status: 'ACTIVE', variants: [{ sku: 'JACKET-2', priceAmount: 1 }] });
    expect(await visitor.storefront.productRedirect({ slug: 'blue-jacket' })).toBeNull();

    // A product off sale reveals nothing through its old addresses.
    await admin().catalog.products.update({ id: p.id, status: 'DRAFT' });
    expect(await visitor.storefront.productRedirect({ slug: 'navy-jacket' })).toBeNull();

    await expectTRPCError(admin().catalog.products.update({ id: p.id, slug: 'blue-jacket' }), 'CONFLICT', /already uses the address/);
    const audit = await h.auditRows(store.id, 'product.updated');
    expect(audit.map((a) => a.data)).toContainEqual(expect.objectContaining({ slug: { from: 'blue-jacket', to: 'navy-jacket' } }));
  });
});

describe('search, filters and bulk actions', () => {
  let ids: { azul: string; verde: string; sapato: string };
  let collectionId: string;

  beforeAll(async () => {
    const c = admin();
    const category = await c.catalog.categories.create({ name: 'Shirts' });
    const make = async (title: string, sku: string, stock: number) =>
      (await c.catalog.products.create({ title, variants: [{ sku, priceAmount: 1000, stock }] })).id;
    ids = {
      azul: await make('Camiseta Básica Azul', 'CAM-AZUL-01', 20),
      verde: await make('Camisa Verde Água', 'CAM-VERDE-01', 3),
      sapato: await make('Sapato Couro', 'SAP-777', 0),
    };
    await c.catalog.products.update({ id: ids.azul, categoryId: category.id });
    collectionId = (await c.catalog.collections.create({ title: 'Summer' })).id;
  });

  const listIds = async (input: Parameters<ReturnType<typeof admin>['catalog']['products']['list']>[0]) =>
    (await admin().catalog.products.list({ limit: 100, ...input })).items.map((p) => p.id);

  it('finds products by the start of title words and SKUs, whatever the case and accents', async () => {
    expect(await listIds({ search: 'camiseta azul' })).toEqual([ids.azul]);
    expect(await listIds({ search: 'BASICA' })).toEqual([ids.azul]);
    expect(await listIds({ search: 'agua' })).toEqual([ids.verde]);
    expect((await listIds({ search: 'cam' })).sort()).toEqual([ids.azul, ids.verde].sort());
    expect(await listIds({ search: 'sap-777' })).toEqual([ids.sapato]);
    expect(await listIds({ search: '777' })).toEqual([ids.sapato]);
    expect(await listIds({ search: 'zzz' })).toEqual([]);
    expect(await listIds({ search: '!!!' })).toEqual([]);
  });

  it('follows renamed titles and SKUs', async () => {
    await admin().catalog.products.update({ id: ids.sapato, title: 'Bota Couro' });
    expect(await listIds({ search: 'sapato' })).toEqual([]);
    expect(await listIds({ search: 'bota' })).toEqual([ids.sapato]);
  });

  it('filters by stock (in, out, low) on the enabled variants', async () => {
    const within = (found: string[]) => found.filter((id) => Object.values(ids).includes(id)).sort();
    expect(within(await listIds({ stock: 'out' }))).toEqual([ids.sapato]);
    expect(within(await listIds({ stock: 'low' }))).toEqual([ids.verde]);
    expect(within(await listIds({ stock: 'in' }))).toEqual([ids.azul, ids.verde].sort());
  });

  it('applies bulk actions in one audited transaction, and refuses the whole batch when one id is unknown', async () => {
    const c = admin();
    const published = await c.catalog.products.bulk({ action: 'publish', ids: [ids.azul, ids.verde] });
    expect(published).toEqual({ selected: 2, changed: 2 });
    expect(await listIds({ status: 'ACTIVE', search: 'cam' })).toHaveLength(2);

    await c.catalog.products.bulk({ action: 'addToCollection', ids: [ids.verde, ids.azul], collectionId });
    await c.catalog.products.bulk({ action: 'addToCollection', ids: [ids.azul], collectionId });
    expect((await c.catalog.collections.get({ id: collectionId })).products.map((p) => p.id)).toEqual([ids.verde, ids.azul]);
    expect((await listIds({ collectionId })).sort()).toEqual([ids.azul, ids.verde].sort());

    await c.catalog.products.bulk({ action: 'setCategory', ids: [ids.azul], categoryId: null });
    expect((await c.catalog.products.get({ id: ids.azul })).categoryId).toBeNull();

    const before = await c.catalog.products.get({ id: ids.sapato });
    await expectTRPCError(c.catalog.products.bulk({ action: 'archive', ids: [ids.sapato, 'not-a-product'] }), 'NOT_FOUND', /not in your store/);
    expect((await c.catalog.products.get({ id: ids.sapato })).status).toBe(before.status);

    await c.catalog.products.bulk({ action: 'archive', ids: [ids.sapato] });
    expect(await listIds({ search: 'bota' })).toEqual([]);
    expect(await listIds({ status: 'ARCHIVED', search: 'bota' })).toEqual([ids.sapato]);
    expect(await c.catalog.products.bulk({ action: 'restore', ids: [ids.sapato, ids.azul] })).toEqual({ selected: 2, changed: 1 });
    expect((await c.catalog.products.get({ id: ids.sapato })).status).toBe('DRAFT');

    const rows = await h.auditRows(store.id);
    expect(rows.filter((r) => r.action.startsWith('product.bulk.')).map((r) => r.action)).toEqual(
      expect.arrayContaining(['product.bulk.publish', 'product.bulk.addToCollection', 'product.bulk.setCategory', 'product.bulk.archive', 'product.bulk.restore']),
    );
    await expectTRPCError(c.catalog.products.bulk({ action: 'publish', ids: [] }), 'BAD_REQUEST', /Select at least one product/);
  });
});

describe('collections', () => {
  it('creates, orders, edits and deletes a collection; the products stay', async () => {
    const c = admin();
    const a = await c.catalog.products.create({ title: 'Col A', variants: [{ sku: 'COL-A', priceAmount: 1 }] });
    const b = await c.catalog.products.create({ title: 'Col B', variants: [{ sku: 'COL-B', priceAmount: 1 }] });
    const col = await c.catalog.collections.create({ title: 'Winter Picks', seoTitle: 'Winter' });
    expect(col.slug).toBe('winter-picks');
    await expectTRPCError(c.catalog.collections.create({ title: 'Again', slug: 'winter-picks' }), 'CONFLICT', /already exists/);

    expect((await c.catalog.collections.setProducts({ id: col.id, productIds: [b.id, a.id] })).products.map((p) => p.id)).toEqual([b.id, a.id]);
    expect((await c.catalog.collections.setProducts({ id: col.id, productIds: [a.id] })).products.map((p) => p.id)).toEqual([a.id]);
    expect((await c.catalog.collections.list()).find((x) => x.id === col.id)?.productCount).toBe(1);

    const renamed = await c.catalog.collections.update({ id: col.id, title: 'Winter', slug: 'winter', seoDescription: 'Warm things' });
    expect(renamed).toMatchObject({ title: 'Winter', slug: 'winter', seoDescription: 'Warm things' });
    await c.catalog.collections.delete({ id: col.id });
    await expectTRPCError(c.catalog.collections.get({ id: col.id }), 'NOT_FOUND');
    expect((await c.catalog.products.get({ id: a.id })).id).toBe(a.id);
    expect((await h.auditRows(store.id)).map((r) => r.action)).toEqual(
      expect.arrayContaining(['collection.created', 'collection.products_set', 'collection.updated', 'collection.deleted']),
    );
  });
});

describe('product images', () => {
  const upload = async (tenantId: string, width = 800) => {
    const png = await sharp({ create: { width, height: width / 2, channels: 3, background: '#336699' } }).png().toBuffer();
    return storeImage(storage, newUploadKey(tenantId, 'product'), await processImageUpload(png));
  };

  it('attaches uploads with their size, edits alt text, reorders and deletes (files too)', async () => {
    const c = admin();
    const product = await c.catalog.products.create({ title: 'Photo product', variants: [{ sku: 'PHOTO-1', priceAmount: 1 }] });
    const first = await upload(store.id);
    const second = await upload(store.id, 300);
    const one = await c.catalog.images.add({ productId: product.id, key: first.key, alt: 'Front' });
    const two = await c.catalog.images.add({ productId: product.id, key: second.key });
    expect([one.width, one.height, one.position, two.width, two.position]).toEqual([800, 400, 0, 300, 1]);
    await expectTRPCError(c.catalog.images.add({ productId: product.id, key: first.key }), 'BAD_REQUEST', /already attached/);

    expect((await c.catalog.images.update({ id: two.id, alt: 'Back' })).alt).toBe('Back');
    const reordered = await c.catalog.images.reorder({ productId: product.id, ids: [two.id, one.id] });
    expect(reordered.map((i) => i.id)).toEqual([two.id, one.id]);
    await expectTRPCError(c.catalog.images.reorder({ productId: product.id, ids: [two.id] }), 'BAD_REQUEST', /each of this product's images once/);

    await c.tenant.settings.update({ published: true });
    await c.catalog.products.update({ id: product.id, status: 'ACTIVE' });
    const shown = await h.caller(null, { host: store.hostname }).storefront.product({ slug: product.slug });
    expect(shown.images.map((i) => [i.alt, i.src, i.srcset])).toEqual([
      ['Back', `/media/${second.key}/300.webp`, `/media/${second.key}/160.webp 160w, /media/${second.key}/300.webp 300w`],
      ['Front', `/media/${first.key}/800.webp`, `/media/${first.key}/160.webp 160w, /media/${first.key}/480.webp 480w, /media/${first.key}/800.webp 800w`],
    ]);

    await c.catalog.images.delete({ id: two.id });
    expect(await storage.get(`${second.key}/300.webp`)).toBeNull();
    expect(await storage.get(`${first.key}/480.webp`)).not.toBeNull();
    expect((await c.catalog.products.get({ id: product.id })).images.map((i) => [i.id, i.position])).toEqual([[one.id, 0]]);
  });

  it('creates a product with its photos in one transaction, and creates nothing when one photo is refused', async () => {
    const c = admin();
    const [front, back] = [await upload(store.id), await upload(store.id, 300)];
    const product = await c.catalog.products.create({
      title: 'Born with photos',
      variants: [{ sku: 'BORN-1', priceAmount: 1 }],
      images: [{ key: front.key, alt: 'Front' }, { key: back.key }],
    });
    expect(product.images.map((i) => [i.alt, i.width, i.position])).toEqual([
      ['Front', 800, 0],
      ['Born with photos', 300, 1],
    ]);

    const fresh = await upload(store.id);
    await expectTRPCError(
      c.catalog.products.create({ title: 'Half made', variants: [{ sku: 'HALF-1', priceAmount: 1 }], images: [{ key: fresh.key }, { key: front.key }] }),
      'BAD_REQUEST',
      /already attached/,
    );
    await expectTRPCError(
      c.catalog.products.create({ title: 'Twice', variants: [{ sku: 'TWICE-1', priceAmount: 1 }], images: [{ key: fresh.key }, { key: fresh.key }] }),
      'BAD_REQUEST',
      /listed twice/,
    );
    expect((await c.catalog.products.list({ search: 'Half made' })).items).toEqual([]);
    expect(await c.catalog.images.add({ productId: product.id, key: fresh.key })).toMatchObject({ position: 2 });
  });

  it('attaches one upload once even when two requests race (the database refuses the second)', async () => {
    const c = admin();
    const product = await c.catalog.products.create({ title: 'Race', variants: [{ sku: 'RACE-1', priceAmount: 1 }] });
    const photo = await upload(store.id);
    const results = await Promise.allSettled([
      c.catalog.images.add({ productId: product.id, key: photo.key }),
      c.catalog.images.add({ productId: product.id, key: photo.key }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(['BAD_REQUEST', 'CONFLICT']).toContain(refused.reason.code);
    expect((await c.catalog.products.get({ id: product.id })).images).toHaveLength(1);
  });

  it('refuses keys that are not complete uploads of this store', async () => {
    const c = admin();
    const product = await c.catalog.products.create({ title: 'Keys', variants: [{ sku: 'KEYS-1', priceAmount: 1 }] });
    await expectTRPCError(c.catalog.images.add({ productId: product.id, key: newUploadKey(store.id, 'product') }), 'BAD_REQUEST', /not available any more/);
    await expectTRPCError(c.catalog.images.add({ productId: product.id, key: newUploadKey(store.id, 'logo') }), 'BAD_REQUEST', /not uploaded to this store/);
    await expectTRPCError(c.catalog.images.add({ productId: product.id, key: '../../etc/passwd' }), 'BAD_REQUEST', /not uploaded to this store/);
  });
});
