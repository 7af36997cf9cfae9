import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { newUploadKey, processImageUpload, storeImage } from '@vitrine/media/images';
import { LocalDiskStorage } from '@vitrine/media/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { createApiHarness, type ApiHarness, type Caller } from '../../test-support/harness.ts';

/**
 * Isolation of the catalogue's newer procedures (variants matrix, bulk actions, collections, images, slug
 * redirects): store B's ids are NOT_FOUND from store A and change nothing; B's store is FORBIDDEN to A's owner.
 */
let h: ApiHarness;
let alice: SessionUser;
let bob: SessionUser;
let storeA: { id: string; hostname: string };
let storeB: { id: string; hostname: string };
let storageDir: string;
let storage: LocalDiskStorage;
let b: { productId: string; collectionId: string; imageId: string; imageKey: string; unattachedKey: string };
let a: { productId: string; collectionId: string };

async function upload(tenantId: string) {
  const png = await sharp({ create: { width: 200, height: 100, channels: 3, background: '#aa0000' } }).png().toBuffer();
  return storeImage(storage, newUploadKey(tenantId, 'product'), await processImageUpload(png));
}

beforeAll(async () => {
  storageDir = await mkdtemp(join(tmpdir(), 'vitrine-catalog-iso-'));
  storage = new LocalDiskStorage({ root: storageDir, publicBaseUrl: '/media' });
  h = await createApiHarness('catalog_iso_features', { storage });
  alice = await h.createUser('alice');
  bob = await h.createUser('bob');
  storeA = await h.createStore(alice, 'iso-a');
  storeB = await h.createStore(bob, 'iso-b');

  const asBob = h.caller(bob, { tenantId: storeB.id });
  await asBob.tenant.settings.update({ published: true });
  const product = await asBob.catalog.products.create({
    title: 'B Secret Jacket',
    status: 'ACTIVE',
    options: [{ name: 'Size', values: ['S'] }],
    variants: [{ sku: 'B-JACKET-S', priceAmount: 100, attributes: { Size: 'S' } }],
  });
  await asBob.catalog.products.update({ id: product.id, slug: 'b-renamed-jacket' });
  const collection = await asBob.catalog.collections.create({ title: 'B picks' });
  await asBob.catalog.collections.setProducts({ id: collection.id, productIds: [product.id] });
  const image = await upload(storeB.id);
  const attached = await asBob.catalog.images.add({ productId: product.id, key: image.key, alt: 'B' });
  b = { productId: product.id, collectionId: collection.id, imageId: attached.id, imageKey: image.key, unattachedKey: (await upload(storeB.id)).key };

  const asAlice = h.caller(alice, { tenantId: storeA.id });
  await asAlice.tenant.settings.update({ published: true });
  const own = await asAlice.catalog.products.create({ title: 'A Shirt', status: 'ACTIVE', variants: [{ sku: 'A-SHIRT', priceAmount: 1 }] });
  const ownCollection = await asAlice.catalog.collections.create({ title: 'A picks' });
  a = { productId: own.id, collectionId: ownCollection.id };
});
afterAll(async () => {
  await h?.close();
  await rm(storageDir, { recursive: true, force: true });
});

const asAlice = () => h.caller(alice, { tenantId: storeA.id });

async function snapshotOfB() {
  const tdb = await h.db.forTenant(storeB.id);
  return {
    products: await tdb.product.findMany({ orderBy: { id: 'asc' }, include: { variants: true, images: true, collections: true } }),
    collections: await tdb.collection.findMany({ orderBy: { id: 'asc' } }),
    redirects: await tdb.productSlugRedirect.findMany({ orderBy: { id: 'asc' } }),
    audit: await tdb.auditLog.count(),
  };
}

describe("another store's ids give NOT_FOUND and change nothing", () => {
  it('catalog.products.bulk with any of its product ids, or its category or collection', async () => {
    const before = await snapshotOfB();
    for (const action of ['archive', 'restore', 'publish', 'unpublish'] as const) {
      await expectTRPCError(asAlice().catalog.products.bulk({ action, ids: [a.productId, b.productId] }), 'NOT_FOUND');
    }
    await expectTRPCError(asAlice().catalog.products.bulk({ action: 'addToCollection', ids: [a.productId], collectionId: b.collectionId }), 'NOT_FOUND');
    await expectTRPCError(asAlice().catalog.products.bulk({ action: 'addToCollection', ids: [b.productId], collectionId: a.collectionId }), 'NOT_FOUND');
    expect(await snapshotOfB()).toEqual(before);
    expect((await asAlice().catalog.products.get({ id: a.productId })).status).toBe('ACTIVE');
  });

  it('catalog.collections.get, update, delete and setProducts', async () => {
    const before = await snapshotOfB();
    await expectTRPCError(asAlice().catalog.collections.get({ id: b.collectionId }), 'NOT_FOUND');
    await expectTRPCError(asAlice().catalog.collections.update({ id: b.collectionId, title: 'Stolen' }), 'NOT_FOUND');
    await expectTRPCError(asAlice().catalog.collections.delete({ id: b.collectionId }), 'NOT_FOUND');
    await expectTRPCError(asAlice().catalog.collections.setProducts({ id: b.collectionId, productIds: [] }), 'NOT_FOUND');
    await expectTRPCError(asAlice().catalog.collections.setProducts({ id: a.collectionId, productIds: [b.productId] }), 'NOT_FOUND');
    expect((await asAlice().catalog.collections.list()).map((c) => c.id)).toEqual([a.collectionId]);
    expect(await snapshotOfB()).toEqual(before);
  });

  it('catalog.images.add, update, reorder and delete', async () => {
    const before = await snapshotOfB();
    await expectTRPCError(asAlice().catalog.images.add({ productId: a.productId, key: b.unattachedKey }), 'BAD_REQUEST', /not uploaded to this store/);
    await expectTRPCError(asAlice().catalog.images.add({ productId: a.productId, key: b.imageKey }), 'BAD_REQUEST');
    const mine = await upload(storeA.id);
    await expectTRPCError(asAlice().catalog.images.add({ productId: b.productId, key: mine.key }), 'NOT_FOUND');
    await expectTRPCError(asAlice().catalog.images.update({ id: b.imageId, alt: 'Stolen' }), 'NOT_FOUND');
    await expectTRPCError(asAlice().catalog.images.reorder({ productId: b.productId, ids: [b.imageId] }), 'NOT_FOUND');
    await expectTRPCError(asAlice().catalog.images.reorder({ productId: a.productId, ids: [b.imageId] }), 'BAD_REQUEST');
    await expectTRPCError(asAlice().catalog.images.delete({ id: b.imageId }), 'NOT_FOUND');
    expect(await storage.get(`${b.imageKey}/200.webp`)).not.toBeNull();
    expect(await snapshotOfB()).toEqual(before);
  });

  it("catalog.products.previewVariants does not reveal another store's SKUs or product", async () => {
    const preview = await asAlice().catalog.products.previewVariants({ slug: 'b-jacket', options: [{ name: 'Size', values: ['S'] }], productId: b.productId });
    expect(preview.variants.map((v) => v.sku)).toEqual(['B-JACKET-S']);
  });

  it("catalog.products.list by another store's collection finds nothing; search never crosses stores", async () => {
    expect((await asAlice().catalog.products.list({ collectionId: b.collectionId })).items).toEqual([]);
    expect((await asAlice().catalog.products.list({ search: 'secret jacket' })).items).toEqual([]);
    expect((await asAlice().catalog.products.list({ search: 'b-jacket-s' })).items).toEqual([]);
  });

  it("storefront.productRedirect answers only the host's store", async () => {
    expect(await h.caller(null, { host: storeB.hostname }).storefront.productRedirect({ slug: 'b-secret-jacket' })).toEqual({ slug: 'b-renamed-jacket' });
    expect(await h.caller(null, { host: storeA.hostname }).storefront.productRedirect({ slug: 'b-secret-jacket' })).toBeNull();
  });

  it("catalog.products.update cannot claim another store's old address", async () => {
    const before = await snapshotOfB();
    await asAlice().catalog.products.update({ id: a.productId, slug: 'b-secret-jacket' });
    expect(await snapshotOfB()).toEqual(before);
    expect(await h.caller(null, { host: storeB.hostname }).storefront.productRedirect({ slug: 'b-secret-jacket' })).toEqual({ slug: 'b-renamed-jacket' });
  });
});

describe("another store's catalogue is FORBIDDEN", () => {
  const calls: [string, (c: Caller) => Promise<unknown>][] = [
    ['catalog.products.bulk', (c) => c.catalog.products.bulk({ action: 'archive', ids: [b.productId] })],
    ['catalog.products.previewVariants', (c) => c.catalog.products.previewVariants({ slug: 'x', options: [{ name: 'Size', values: ['S'] }] })],
    ['catalog.collections.list', (c) => c.catalog.collections.list()],
    ['catalog.collections.get', (c) => c.catalog.collections.get({ id: b.collectionId })],
    ['catalog.collections.create', (c) => c.catalog.collections.create({ title: 'X' })],
    ['catalog.collections.update', (c) => c.catalog.collections.update({ id: b.collectionId, title: 'X' })],
    ['catalog.collections.delete', (c) => c.catalog.collections.delete({ id: b.collectionId })],
    ['catalog.collections.setProducts', (c) => c.catalog.collections.setProducts({ id: b.collectionId, productIds: [] })],
    ['catalog.images.uploadTarget', (c) => c.catalog.images.uploadTarget()],
    ['catalog.images.add', (c) => c.catalog.images.add({ productId: b.productId, key: b.unattachedKey })],
    ['catalog.images.update', (c) => c.catalog.images.update({ id: b.imageId, alt: 'X' })],
    ['catalog.images.reorder', (c) => c.catalog.images.reorder({ productId: b.productId, ids: [b.imageId] })],
    ['catalog.images.delete', (c) => c.catalog.images.delete({ id: b.imageId })],
  ];

  it.each(calls)('%s', async (_name, call) => {
    const before = await snapshotOfB();
    await expectTRPCError(call(h.caller(alice, { tenantId: storeB.id })), 'FORBIDDEN', /do not have access/);
    await expectTRPCError(call(h.caller(null, { tenantId: storeB.id })), 'UNAUTHORIZED');
    expect(await snapshotOfB()).toEqual(before);
  });

  it('staff without the catalog permission cannot upload or change the catalogue', async () => {
    const clerk = await h.createUser('clerk');
    await h.addMember(storeB.id, clerk, 'STAFF', ['orders']);
    const c = h.caller(clerk, { tenantId: storeB.id });
    await expectTRPCError(c.catalog.images.uploadTarget(), 'FORBIDDEN', /catalog:write/);
    await expectTRPCError(c.catalog.collections.list(), 'FORBIDDEN', /catalog:read/);
    await expectTRPCError(c.catalog.products.bulk({ action: 'archive', ids: [b.productId] }), 'FORBIDDEN', /catalog:write/);
  });
});
