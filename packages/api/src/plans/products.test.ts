import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@vitrine/core/logger';
import { Prisma } from '@vitrine/db';
import type { SessionUser } from '../context.ts';
import { createContext } from '../context.ts';
import { tenantAccessResponseMeta } from '../errors.ts';
import { runImport } from '../product-io/imports.ts';
import { appRouter } from '../root.ts';
import { expectTRPCError } from '../test-support/expect-error.ts';
import { createApiHarness, PLATFORM_DOMAIN, type ApiHarness } from '../test-support/harness.ts';
import { assertWithinLimit, planLimitOf } from './index.ts';

/** Products, product imports and monthly orders against the plan's limits (Free: 100 products, 100 orders a month). */
let h: ApiHarness;
let owner: SessionUser;

beforeAll(async () => {
  h = await createApiHarness('plan_products');
  owner = await h.createUser('plan-owner');
});
afterAll(() => h?.close());

async function newStore(slug: string) {
  const store = await h.createStore(owner, slug);
  return { ...store, as: () => h.caller(owner, { tenantId: store.id }) };
}

/** `n` draft products written straight to the store (fixtures: the limit is what is under test). */
async function fill(tenantId: string, n: number, prefix: string) {
  const tdb = await h.db.forTenant(tenantId);
  await tdb.product.createMany({ data: Array.from({ length: n }, (_, i) => ({ tenantId, slug: `${prefix}-${i}`, title: `${prefix} ${i}` })) });
}

const product = (sku: string) => ({ title: `Product ${sku}`, variants: [{ sku, priceAmount: 1000 }] });
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('products', () => {
  it('the 100th product of a Free store is accepted, the 101st refused naming the limit, the plan and the plan that lifts it', async () => {
    const store = await newStore('limit-products');
    await fill(store.id, 99, 'p');
    await expect(store.as().catalog.products.create(product('P-100'))).resolves.toMatchObject({ title: 'Product P-100' });

    const error = await expectTRPCError(
      store.as().catalog.products.create(product('P-101')),
      'FORBIDDEN',
      /^Your Free plan allows 100 products\. Upgrade to Basic to have up to 2,000\.$/,
    );
    expect(planLimitOf(error)).toEqual({ key: 'products', limit: 100, used: 100, adding: 1, plan: 'free', upgradeTo: 'basic' });
    const tdb = await h.db.forTenant(store.id);
    expect(await tdb.productVariant.count({ where: { sku: 'P-101' } })).toBe(0);

    // Archiving frees a place; restoring takes one again, so it is refused at the limit.
    const [first] = await tdb.product.findMany({ where: { slug: 'p-0' } });
    await store.as().catalog.products.archive({ id: first!.id });
    await store.as().catalog.products.create(product('P-101'));
    await expectTRPCError(store.as().catalog.products.restore({ id: first!.id }), 'FORBIDDEN', /Free plan allows 100 products/);
    await expectTRPCError(store.as().catalog.products.bulk({ ids: [first!.id], action: 'restore' }), 'FORBIDDEN', /Free plan allows 100 products/);
    expect((await tdb.product.findFirstOrThrow({ where: { id: first!.id } })).status).toBe('ARCHIVED');

    // A bigger plan lifts it at once.
    await h.setPlan(store.id, 'basic');
    await store.as().catalog.products.restore({ id: first!.id });
    await store.as().catalog.products.create(product('P-102'));
    expect(await tdb.product.count({ where: { status: { not: 'ARCHIVED' } } })).toBe(102);
  });

  it('two creates racing for the last place: exactly one succeeds', async () => {
    const store = await newStore('limit-race');
    await fill(store.id, 99, 'r');
    for (let round = 0; round < 3; round += 1) {
      const results = await Promise.allSettled([store.as().catalog.products.create(product(`RACE-${round}-A`)), store.as().catalog.products.create(product(`RACE-${round}-B`))]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(round === 0 ? 1 : 0);
      for (const refused of results.filter((r) => r.status === 'rejected')) {
        expect(String((refused as PromiseRejectedResult).reason)).toMatch(/Free plan allows 100 products/);
      }
    }
    const tdb = await h.db.forTenant(store.id);
    expect(await tdb.product.count()).toBe(100);
  });

  it("isolation: one store's products never count against another's plan", async () => {
    const full = await newStore('limit-full');
    const empty = await newStore('limit-empty');
    await fill(full.id, 100, 'f');
    await expectTRPCError(full.as().catalog.products.create(product('FULL-1')), 'FORBIDDEN', /allows 100 products/);
    await expect(empty.as().catalog.products.create(product('EMPTY-1'))).resolves.toBeDefined();
    const usage = await empty.as().billing.usage();
    expect(usage.meters.find((m) => m.key === 'products')).toMatchObject({ used: 1, limit: 100, percent: 1, reached: false });
  });
});

describe('product import', () => {
  const file = (handles: string[]) => `handle,title,sku,price\n${handles.map((handle) => `${handle},${handle},${handle.toUpperCase()},1`).join('\n')}\n`;

  it('a file that would cross the limit is refused whole at preview and at commit; one that fits is imported', async () => {
    const store = await newStore('limit-import');
    await fill(store.id, 97, 'i');
    const tdb = await h.db.forTenant(store.id);

    const preview = await store.as().productIo.preview({ fileName: 'four.csv', contentBase64: b64(file(['n1', 'n2', 'n3', 'n4'])) });
    expect(preview.status).toBe('INVALID');
    expect(preview.errors).toEqual([
      { row: 1, column: null, message: 'This file would add 4 products. Your Free plan allows 100 products. Upgrade to Basic to have up to 2,000. Nothing was imported.' },
    ]);

    // Checked while it fit; the store filled up before the worker ran it: the commit is refused whole.
    const fits = await store.as().productIo.preview({ fileName: 'three.csv', contentBase64: b64(file(['m1', 'm2', 'm3'])) });
    expect(fits.status).toBe('VALIDATED');
    await store.as().catalog.products.create(product('LATE-1'));
    await store.as().productIo.commit({ id: fits.id });
    expect(await runImport(tdb, { tenantId: store.id, importId: fits.id })).toEqual({ status: 'FAILED' });
    expect((await store.as().productIo.get({ id: fits.id })).errors[0]?.message).toMatch(/would add 3 products\. Your Free plan allows 100 products/);
    expect(await tdb.product.count({ where: { slug: { in: ['m1', 'm2', 'm3'] } } })).toBe(0);
    expect(await tdb.productVariant.count({ where: { sku: { in: ['M1', 'M2', 'M3'] } } })).toBe(0);

    // Exactly up to the limit passes; updating products the store has adds nothing and passes at the limit.
    const two = await store.as().productIo.preview({ fileName: 'two.csv', contentBase64: b64(file(['k1', 'k2'])) });
    await store.as().productIo.commit({ id: two.id });
    expect(await runImport(tdb, { tenantId: store.id, importId: two.id })).toMatchObject({ status: 'SUCCEEDED' });
    expect(await tdb.product.count()).toBe(100);
    const update = await store.as().productIo.preview({ fileName: 'update.csv', contentBase64: b64(file(['k1'])) });
    await store.as().productIo.commit({ id: update.id });
    expect(await runImport(tdb, { tenantId: store.id, importId: update.id })).toMatchObject({ status: 'SUCCEEDED', summary: { productsUpdated: 1 } });
  });
});

describe('orders per month (for checkout: assertWithinLimit(tx, tenant, "ordersPerMonth"))', () => {
  it('counts this month’s orders of the store only, and refuses the order past the limit', async () => {
    const store = await newStore('limit-orders');
    const other = await newStore('limit-orders-other');
    const tdb = await h.db.forTenant(store.id);
    const check = () => tdb.$scoped((tx) => assertWithinLimit(tx, store, 'ordersPerMonth'));
    await expect(check()).resolves.toBeUndefined();

    // Orders as checkout writes them (the fixture fills only what the table requires), numbered on from 1001.
    let number = 1000;
    const insert = async (tenantId: string, n: number, at: string) => {
      const first = (number += n) - n + 1;
      const tenantDb = await h.db.forTenant(tenantId);
      await tenantDb.$scoped((tx) =>
        tx.$executeRaw(Prisma.sql`
          INSERT INTO orders (id, tenant_id, number, buyer_email, buyer_name, shipping_address, shipping_method, shipping_method_name,
                              shipping_amount, subtotal_amount, total_amount, currency, locale, tracking_token, created_at, updated_at)
          SELECT 'ord-' || ${tenantId} || '-' || g, ${tenantId}, g, 'buyer@example.test', 'Buyer', '{}'::jsonb, 'pickup', 'Pickup',
                 0, 1000, 1000, 'BRL', 'pt-BR', 'token-' || g, ${at}::timestamptz, now()
            FROM generate_series(${first}::int, ${first + n - 1}::int) AS g`),
      );
    };
    const thisMonth = new Date().toISOString();
    const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 0, 12)).toISOString();
    await insert(store.id, 99, thisMonth);
    await insert(store.id, 50, lastMonth);
    await insert(other.id, 300, thisMonth);
    await expect(check()).resolves.toBeUndefined();
    await insert(store.id, 1, thisMonth);
    const error = await expectTRPCError(check(), 'FORBIDDEN', /^Your Free plan allows 100 orders a month\. Upgrade to Basic to take up to 2,000 a month\.$/);
    expect(planLimitOf(error)).toMatchObject({ key: 'ordersPerMonth', used: 100, limit: 100 });
    expect((await store.as().billing.usage()).meters.find((m) => m.key === 'ordersPerMonth')).toMatchObject({ used: 100, percent: 100, reached: true });
  });
});

describe('over HTTP', () => {
  it('answers 403 with the sentence and data.limit for the client', async () => {
    const store = await newStore('limit-http');
    await fill(store.id, 100, 'h');
    const request = new Request(`http://${PLATFORM_DOMAIN}/api/trpc/catalog.products.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(superjson.serialize(product('HTTP-1'))),
    });
    const response = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req: request,
      router: appRouter,
      responseMeta: tenantAccessResponseMeta,
      createContext: () =>
        createContext({
          db: h.db,
          redis: h.redis,
          requestId: 'req-limit-1',
          sessionUser: owner,
          activeTenantId: store.id,
          host: PLATFORM_DOMAIN,
          tenantResolver: h.resolver,
          log: createLogger('api-test', 'silent'),
        }),
    });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { json: { message: string; data: Record<string, unknown> } } };
    expect(body.error.json.message).toBe('Your Free plan allows 100 products. Upgrade to Basic to have up to 2,000.');
    expect(body.error.json.data).toMatchObject({
      code: 'FORBIDDEN',
      httpStatus: 403,
      limit: { key: 'products', limit: 100, used: 100, adding: 1, plan: 'free', upgradeTo: 'basic' },
    });
  });
});
