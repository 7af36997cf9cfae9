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

describe('platform.tenants detail and changes', () => {
  it('filters by plan and partner', async () => {
    const a = h.caller(admin);
    await h.setPlan(stores[3]!.id, 'pro');
    expect((await a.platform.tenants.list({ plan: 'pro' })).items.map((t) => t.slug)).toEqual(['delta-decor']);
    expect((await a.platform.tenants.list({ plan: 'pro', status: 'SUSPENDED' })).items).toEqual([]);
    const partner = await h.owner.partner.create({ data: { name: 'Reseller', slug: 'reseller', productName: 'Shops', supportEmail: 'help@reseller.test' } });
    await h.owner.tenant.update({ where: { id: stores[4]!.id }, data: { partnerId: partner.id } });
    expect((await a.platform.tenants.list({ partnerId: partner.id })).items.map((t) => t.slug)).toEqual(['alpha-art']);
    expect((await a.platform.tenants.list({ partnerId: 'none' })).items.map((t) => t.slug)).not.toContain('alpha-art');
    const filters = await a.platform.tenants.filters();
    expect(filters.plans.map((p) => p.code)).toContain('pro');
    expect(filters.partners).toEqual([{ id: partner.id, name: 'Reseller' }]);
  });

  it('shows a store: plan, usage, domains, members with roles, audit entries', async () => {
    const store = stores[0]!;
    const detail = await h.caller(admin).platform.tenants.get({ tenantId: store.id });
    expect(detail).toMatchObject({ id: store.id, slug: 'alpha-foods', plan: { code: 'free' }, subscription: null });
    expect(detail.domains.map((d) => d.hostname)).toEqual([store.hostname]);
    expect(detail.members).toEqual([expect.objectContaining({ role: 'OWNER', email: seller.email })]);
    expect(detail.usage.find((u) => u.key === 'staffUsers')).toMatchObject({ used: 1 });
    expect(detail.auditEntries.map((e) => e.action)).toContain('tenant.created');
    await expectTRPCError(h.caller(admin).platform.tenants.get({ tenantId: 'missing' }), 'NOT_FOUND');
    await expectTRPCError(h.caller(seller).platform.tenants.get({ tenantId: store.id }), 'FORBIDDEN');
  });

  it('changes the plan and extends the trial with a reason, in both audit logs', async () => {
    const store = stores[0]!;
    const a = h.caller(admin);
    await expectTRPCError(a.platform.tenants.changePlan({ tenantId: store.id, planCode: 'nope', reason: 'Upgrade deal' }), 'BAD_REQUEST', /no plan/);
    await expectTRPCError(a.platform.tenants.changePlan({ tenantId: store.id, planCode: 'free', reason: 'Same plan' }), 'CONFLICT', /already on/);
    await expectTRPCError(a.platform.tenants.changePlan({ tenantId: store.id, planCode: 'pro', reason: '' }), 'BAD_REQUEST', /Say why/);
    await expectTRPCError(h.caller(seller).platform.tenants.changePlan({ tenantId: store.id, planCode: 'pro', reason: 'Give me pro' }), 'FORBIDDEN');
    expect(await a.platform.tenants.changePlan({ tenantId: store.id, planCode: 'pro', reason: 'Upgrade deal' })).toMatchObject({ planCode: 'pro' });

    const before = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    await h.owner.tenant.update({ where: { id: store.id }, data: { trialEndsAt: before } });
    await expectTRPCError(a.platform.tenants.extendTrial({ tenantId: store.id, days: 0, reason: 'Nothing' }), 'BAD_REQUEST', /at least 1 day/);
    const extended = await a.platform.tenants.extendTrial({ tenantId: store.id, days: 7, reason: 'Onboarding call slipped' });
    expect(extended.trialEndsAt!.getTime() - before.getTime()).toBe(7 * 24 * 3600 * 1000);

    expect(await h.auditRows(store.id, 'tenant.plan_changed')).toEqual([
      expect.objectContaining({ actorPlatformUserId: admin.id, data: { from: 'free', to: 'pro', reason: 'Upgrade deal' } }),
    ]);
    const platformRows = await h.owner.platformAuditLog.findMany({ where: { targetId: store.id }, orderBy: { createdAt: 'asc' } });
    expect(platformRows.map((r) => [r.action, r.actorUserId])).toEqual([
      ['tenant.plan_changed', admin.id],
      ['tenant.trial_extended', admin.id],
    ]);
    const detail = await a.platform.tenants.get({ tenantId: store.id });
    expect(detail.platformEntries.map((e) => e.action)).toEqual(['tenant.trial_extended', 'tenant.plan_changed']);
  });
});
