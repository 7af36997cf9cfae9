import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { twoStores, type TwoStores } from '../../test-support/two-stores.ts';

/** Module switches never cross stores: store A's owner cannot read or change store B's, by any id. */
let h: ApiHarness;
let s: TwoStores;
let bStaff: SessionUser;
let operator: SessionUser;

beforeAll(async () => {
  h = await createApiHarness('modules_isolation');
  s = await twoStores(h, 'modiso');
  bStaff = await h.createUser('b-staff');
  operator = await h.createUser('modiso-operator', 'SUPER_ADMIN');
  await h.addMember(s.storeB.id, bStaff, 'STAFF', ['catalog']);
  await s.asBob().modules.setMember({ userId: bStaff.id, module: 'coupons', enabled: false });
  await h.caller(operator).modules.platform.set({ tenantId: s.storeB.id, module: 'support', state: 'off', reason: 'B only' });
});
afterAll(() => h?.close());

async function snapshotOfB() {
  const tdb = await h.db.forTenant(s.storeB.id);
  return { members: await tdb.memberModuleOverride.findMany(), store: await tdb.tenantModuleOverride.findMany(), audit: await tdb.auditLog.count() };
}

describe("store A and store B's module switches", () => {
  it('shows A none of B’s switches, and B’s store override does not touch A', async () => {
    const view = await s.asAlice().modules.store();
    expect(view.members.map((m) => m.userId)).toEqual([s.alice.id]);
    expect(view.modules.every((m) => m.enabled)).toBe(true);
    await expect(s.asAlice().support.list({})).resolves.toBeDefined();
    await expectTRPCError(s.asBob().support.list({}), 'FORBIDDEN', /Support tickets module is switched off/);
  });

  it('refuses A switching a member of B, and nothing in B changes', async () => {
    const before = await snapshotOfB();
    await expectTRPCError(s.asAlice().modules.setMember({ userId: bStaff.id, module: 'coupons', enabled: true }), 'NOT_FOUND');
    await expectTRPCError(s.asAlice().modules.setMember({ userId: s.bob.id, module: 'support', enabled: false }), 'NOT_FOUND');
    expect(await snapshotOfB()).toEqual(before);
  });

  it('is FORBIDDEN when A’s owner makes B the active store, for every module procedure', async () => {
    const intoB = h.caller(s.alice, { tenantId: s.storeB.id });
    await expectTRPCError(intoB.modules.mine(), 'FORBIDDEN', /do not have access/);
    await expectTRPCError(intoB.modules.store(), 'FORBIDDEN');
    await expectTRPCError(intoB.modules.setMember({ userId: bStaff.id, module: 'coupons', enabled: true }), 'FORBIDDEN');
  });

  it('keeps the rows of each store under its own id in the database', async () => {
    const tdbA = await h.db.forTenant(s.storeA.id);
    expect(await tdbA.memberModuleOverride.count()).toBe(0);
    expect(await tdbA.tenantModuleOverride.count()).toBe(0);
    await expect(tdbA.memberModuleOverride.create({ data: { tenantId: s.storeB.id, userId: bStaff.id, moduleCode: 'support' } })).rejects.toThrow();
  });
});
