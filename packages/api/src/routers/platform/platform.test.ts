import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { TenantAccessError } from '../../errors.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';

let h: ApiHarness;
let admin: SessionUser;
let seller: SessionUser;
let stores: { id: string; slug: string; hostname: string }[];

beforeAll(async () => {
  h = await createApiHarness('platform');
  admin = await h.createUser('root', 'SUPER_ADMIN');
  seller = await h.createUser('seller');
  stores = [];
  for (const slug of ['alpha-foods', 'beta-books', 'gamma-games', 'delta-decor', 'alpha-art']) stores.push(await h.createStore(seller, slug, slug.replace('-', ' ')));
});
afterAll(() => h?.close());

describe('platform.tenants', () => {
  it('refuses non-admins, and a session that claims a role the database does not hold', async () => {
    await expectTRPCError(h.caller(seller).platform.tenants.list({}), 'FORBIDDEN', /platform administrators/);
    await expectTRPCError(h.caller(null).platform.tenants.list({}), 'UNAUTHORIZED');
    const forged = { ...seller, platformRole: 'SUPER_ADMIN' as const };
    await expectTRPCError(h.caller(forged).platform.tenants.list({}), 'FORBIDDEN');
    await expectTRPCError(h.caller(forged).platform.tenants.suspend({ tenantId: stores[0]!.id, reason: 'Because I can' }), 'FORBIDDEN');
    await expectTRPCError(h.caller(seller).platform.tenants.reactivate({ tenantId: stores[0]!.id }), 'FORBIDDEN');
    expect((await h.db.platform.tenant.findUniqueOrThrow({ where: { id: stores[0]!.id } })).status).toBe('TRIAL');
  });

  it('lists stores newest first with search and paging', async () => {
    const a = h.caller(admin);
    const first = await a.platform.tenants.list({ limit: 2 });
    expect(first.items.map((t) => t.slug)).toEqual(['alpha-art', 'delta-decor']);
    const second = await a.platform.tenants.list({ limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((t) => t.slug)).toEqual(['gamma-games', 'beta-books']);
    const third = await a.platform.tenants.list({ limit: 2, cursor: second.nextCursor ?? undefined });
    expect(third.items.map((t) => t.slug)).toEqual(['alpha-foods']);
    expect(third.nextCursor).toBeNull();

    const alphas = await a.platform.tenants.list({ search: 'ALPHA' });
    expect(alphas.items.map((t) => t.slug).sort()).toEqual(['alpha-art', 'alpha-foods']);
    expect(alphas.items[0]).toMatchObject({ primaryHostname: expect.stringMatching(/\.vitrine\.test$/), dedicated: false });
  });

  it('suspends with a required reason, audited, and the store is closed at once everywhere', async () => {
    const store = stores[1]!;
    expect(await h.resolver.resolve(store.hostname)).toMatchObject({ status: 'TRIAL' }); // now cached
    await expectTRPCError(h.caller(admin).platform.tenants.suspend({ tenantId: store.id, reason: '' }), 'BAD_REQUEST');

    const suspended = await h.caller(admin).platform.tenants.suspend({ tenantId: store.id, reason: 'Chargebacks under review' });
    expect(suspended).toMatchObject({ status: 'SUSPENDED', suspendedReason: 'Chargebacks under review' });
    expect(await h.auditRows(store.id, 'tenant.suspended')).toEqual([
      expect.objectContaining({ actorPlatformUserId: admin.id, actorUserId: null, data: expect.objectContaining({ reason: 'Chargebacks under review', from: 'TRIAL' }) }),
    ]);
    await expect(h.resolver.resolve(store.hostname)).rejects.toBeInstanceOf(TenantAccessError);
    await expectTRPCError(h.caller(seller, { tenantId: store.id }).catalog.products.list({}), 'FORBIDDEN', /suspended/);
    {
      const list = await h.caller(admin).platform.tenants.list({ status: 'SUSPENDED' });
      expect(list.items.map((t) => t.id)).toEqual([store.id]);
    }
    await expectTRPCError(h.caller(admin).platform.tenants.suspend({ tenantId: store.id, reason: 'Again please' }), 'CONFLICT', /already suspended/);

    const back = await h.caller(admin).platform.tenants.reactivate({ tenantId: store.id, note: 'Resolved' });
    expect(back).toMatchObject({ status: 'TRIAL', suspendedReason: null });
    expect(await h.auditRows(store.id, 'tenant.reactivated')).toHaveLength(1);
    expect(await h.resolver.resolve(store.hostname)).toMatchObject({ status: 'TRIAL' });
    await expectTRPCError(h.caller(admin).platform.tenants.reactivate({ tenantId: store.id }), 'CONFLICT', /Only a suspended store/);
  });

  it('reactivates a store whose trial has ended as ACTIVE, and answers NOT_FOUND for an unknown id', async () => {
    const store = stores[2]!;
    await h.db.platform.tenant.update({ where: { id: store.id }, data: { trialEndsAt: new Date(Date.now() - 1000) } });
    await h.caller(admin).platform.tenants.suspend({ tenantId: store.id, reason: 'Testing expiry' });
    expect(await h.caller(admin).platform.tenants.reactivate({ tenantId: store.id })).toMatchObject({ status: 'ACTIVE' });
    await expectTRPCError(h.caller(admin).platform.tenants.suspend({ tenantId: 'missing', reason: 'No such store' }), 'NOT_FOUND');
  });
});
