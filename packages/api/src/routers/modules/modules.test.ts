import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness, type Caller } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';

/**
 * Modules: a module the store does not have (its plan leaves it out, or platform staff switched it off) refuses its
 * procedures with a sentence naming it; a module switched off for one STAFF member refuses them for that member only.
 */
let h: ApiHarness;
let owner: SessionUser;
let staff: SessionUser;
let otherStaff: SessionUser;
let operator: SessionUser;
let store: { id: string; slug: string };
const as = (user: SessionUser): Caller => h.caller(user, { tenantId: store.id });

beforeAll(async () => {
  h = await createApiHarness('modules');
  owner = await h.createUser('mod-owner');
  staff = await h.createUser('mod-staff');
  otherStaff = await h.createUser('mod-staff-2');
  operator = await h.createUser('mod-operator', 'SUPER_ADMIN');
  store = await h.createStore(owner, 'mod-shop');
  await h.addMember(store.id, staff, 'STAFF', ['catalog', 'support']);
  await h.addMember(store.id, otherStaff, 'STAFF', ['catalog', 'support']);
});
afterAll(() => h?.close());

const platform = () => h.caller(operator);
const setStore = (module: 'coupons' | 'mercadolivre' | 'support', state: 'on' | 'off' | 'plan', reason = 'Testing') =>
  platform().modules.platform.set({ tenantId: store.id, module, state, reason });

describe('a module the store has', () => {
  it('answers its procedures, and every plan of the catalogue includes every module at first', async () => {
    await expect(as(owner).coupons.list()).resolves.toEqual([]);
    await expect(as(staff).support.list({})).resolves.toMatchObject({ tickets: [] });
    const mine = await as(staff).modules.mine();
    expect(mine.map((m) => [m.code, m.enabled])).toEqual([['coupons', true], ['mercadolivre', true], ['support', true]]);
  });
});

describe('platform staff switching a module off for the store', () => {
  it('refuses every coupons procedure with FORBIDDEN naming the module, for owners too, and says so in the store’s audit log', async () => {
    const result = await setStore('coupons', 'off', 'Abuse of discount codes');
    expect(result.modules.find((m) => m.code === 'coupons')).toMatchObject({ enabled: false, inPlan: true, override: { enabled: false, reason: 'Abuse of discount codes' } });
    const refused = /The Coupons module is switched off for this store/;
    await expectTRPCError(as(owner).coupons.list(), 'FORBIDDEN', refused);
    await expectTRPCError(as(owner).coupons.create({ code: 'NOPE', kind: 'FIXED', value: 100 }), 'FORBIDDEN', refused);
    await expectTRPCError(as(owner).coupons.update({ id: 'x', code: 'NOPE', kind: 'FIXED', value: 100 } as never), 'FORBIDDEN', refused);
    await expectTRPCError(as(owner).coupons.deactivate({ id: 'x' }), 'FORBIDDEN', refused);
    expect((await as(owner).modules.mine()).find((m) => m.code === 'coupons')).toMatchObject({ storeEnabled: false, enabled: false });
    // Other modules are untouched.
    await expect(as(owner).support.list({})).resolves.toBeDefined();
    expect(await h.auditRows(store.id, 'module.switched_off')).toEqual([
      expect.objectContaining({ targetId: 'coupons', actorPlatformUserId: operator.id, data: expect.objectContaining({ reason: 'Abuse of discount codes' }) }),
    ]);
  });

  it('answers again once the override goes back to the plan', async () => {
    await setStore('coupons', 'plan');
    await expect(as(owner).coupons.list()).resolves.toEqual([]);
    expect(await h.auditRows(store.id, 'module.override_removed')).toHaveLength(1);
  });

  it('asks for a reason, and is for platform staff only', async () => {
    await expectTRPCError(platform().modules.platform.set({ tenantId: store.id, module: 'coupons', state: 'off', reason: ' ' }), 'BAD_REQUEST');
    await expectTRPCError(h.caller(owner).modules.platform.set({ tenantId: store.id, module: 'coupons', state: 'on', reason: 'Me' }), 'FORBIDDEN');
    await expectTRPCError(h.caller(owner).modules.platform.store({ slug: store.slug }), 'FORBIDDEN');
    await expectTRPCError(platform().modules.platform.store({ slug: 'no-such-store' }), 'NOT_FOUND', /no store at the address/);
  });
});

describe('a plan without the module', () => {
  it('refuses the module’s procedures naming the module and the plan; a platform override turns it on anyway', async () => {
    await h.owner.plan.create({ data: { code: 'mod-lite', name: 'Lite', limits: {}, rank: null } });
    // A new plan starts with every module; Lite keeps only coupons.
    expect(await h.owner.planModule.count({ where: { planCode: 'mod-lite' } })).toBe(3);
    await h.owner.planModule.deleteMany({ where: { planCode: 'mod-lite', moduleCode: { not: 'coupons' } } });
    await h.setPlan(store.id, 'mod-lite');
    await expectTRPCError(as(owner).support.list({}), 'FORBIDDEN', /The Support tickets module is not available on your plan \(Lite\)/);
    await expectTRPCError(as(owner).mercadolivre.accounts(), 'FORBIDDEN', /The Mercado Livre module is not available on your plan/);
    await expect(as(owner).coupons.list()).resolves.toEqual([]);
    await setStore('support', 'on', 'Pilot customer');
    await expect(as(owner).support.list({})).resolves.toBeDefined();
    await setStore('support', 'plan');
    await h.setPlan(store.id, 'free');
  });
});

describe('an owner or admin switching a module off for one staff member', () => {
  it('refuses that member only (tenant on + member off), and audits it', async () => {
    await as(owner).modules.setMember({ userId: staff.id, module: 'coupons', enabled: false });
    await expectTRPCError(as(staff).coupons.list(), 'FORBIDDEN', /The Coupons module is switched off for you in this store/);
    await expect(as(otherStaff).coupons.list()).resolves.toEqual([]);
    await expect(as(owner).coupons.list()).resolves.toEqual([]);
    await expect(as(staff).support.list({})).resolves.toBeDefined();
    expect((await as(staff).modules.mine()).find((m) => m.code === 'coupons')).toMatchObject({ storeEnabled: true, switchedOffForMe: true, enabled: false });
    const view = await as(owner).modules.store();
    expect(view.members.find((m) => m.userId === staff.id)?.switchedOff).toEqual(['coupons']);
    expect(await h.auditRows(store.id, 'module.member_switched_off')).toEqual([expect.objectContaining({ targetId: staff.id, actorUserId: owner.id })]);
  });

  it('lets the member back in when switched on again; a repeat changes nothing', async () => {
    expect(await as(owner).modules.setMember({ userId: staff.id, module: 'coupons', enabled: true })).toMatchObject({ changed: true });
    expect(await as(owner).modules.setMember({ userId: staff.id, module: 'coupons', enabled: true })).toMatchObject({ changed: false });
    await expect(as(staff).coupons.list()).resolves.toEqual([]);
    expect(await h.auditRows(store.id, 'module.member_switched_on')).toHaveLength(1);
  });

  it('refuses owners and admins as targets, unknown members, and staff setting switches', async () => {
    await expectTRPCError(as(owner).modules.setMember({ userId: owner.id, module: 'coupons', enabled: false }), 'BAD_REQUEST', /staff members only/);
    await expectTRPCError(as(owner).modules.setMember({ userId: operator.id, module: 'coupons', enabled: false }), 'NOT_FOUND');
    await expectTRPCError(as(staff).modules.setMember({ userId: otherStaff.id, module: 'coupons', enabled: false }), 'FORBIDDEN');
    await expectTRPCError(as(staff).modules.store(), 'FORBIDDEN');
  });

  it('drops the member’s switches when they leave the store', async () => {
    await as(owner).modules.setMember({ userId: otherStaff.id, module: 'support', enabled: false });
    const tdb = await h.db.forTenant(store.id);
    await tdb.membership.deleteMany({ where: { userId: otherStaff.id } });
    expect(await tdb.memberModuleOverride.count({ where: { userId: otherStaff.id } })).toBe(0);
  });
});
