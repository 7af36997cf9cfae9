import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness, type Caller } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';

let h: ApiHarness;
let owner: SessionUser;
let store: { id: string };
let admin: () => Caller;

beforeAll(async () => {
  h = await createApiHarness('coupons');
  owner = await h.createUser('coupon-owner');
  store = await h.createStore(owner, 'coupon-shop');
  admin = () => h.caller(owner, { tenantId: store.id });
});
afterAll(() => h?.close());

describe('coupons', () => {
  it('creates a coupon with its code upper case, lists it, audits it', async () => {
    const created = await admin().coupons.create({
      code: 'summer-10',
      kind: 'PERCENT',
      value: 1_000,
      minimumOrderAmount: 5_000,
      expiresAt: new Date('2030-01-01T00:00:00Z'),
      maxUses: 100,
      maxUsesPerBuyer: 1,
    });
    expect(created).toMatchObject({ code: 'SUMMER-10', kind: 'PERCENT', value: 1_000, active: true, usedCount: 0, startsAt: null });
    expect((await admin().coupons.list()).map((c) => c.code)).toContain('SUMMER-10');
    expect(await h.auditRows(store.id, 'coupon.created')).toEqual([expect.objectContaining({ targetId: created.id, data: expect.objectContaining({ code: 'SUMMER-10' }) })]);
  });

  it('refuses a code already taken in any case', async () => {
    await admin().coupons.create({ code: 'TAKEN', kind: 'FIXED', value: 100 });
    await expectTRPCError(admin().coupons.create({ code: 'taken', kind: 'FIXED', value: 200 }), 'CONFLICT', /The code TAKEN is taken/);
  });

  it.each([
    ['a percentage below 1 %', { kind: 'PERCENT' as const, value: 50 }, /between 1% and 100%/],
    ['a percentage above 100 %', { kind: 'PERCENT' as const, value: 10_001 }, /between 1% and 100%/],
    ['a fixed amount of 0', { kind: 'FIXED' as const, value: 0 }, /fixed discount must be above 0/],
    ['an expiry before the start', { kind: 'FIXED' as const, value: 100, startsAt: new Date('2030-02-01'), expiresAt: new Date('2030-01-01') }, /expire after it starts/],
    ['a code with spaces', { kind: 'FIXED' as const, value: 100, code: 'TWO WORDS' }, /letters, digits, hyphens/],
    ['a use limit of 0', { kind: 'FIXED' as const, value: 100, maxUses: 0 }, /at least 1 use/],
  ])('refuses %s with a sentence', async (_name, over, message) => {
    await expectTRPCError(admin().coupons.create({ code: 'VALID', ...over }), 'BAD_REQUEST', message);
  });

  it('updates terms, checking the coupon as it would become', async () => {
    const coupon = await admin().coupons.create({ code: 'EDITME', kind: 'FIXED', value: 1_500 });
    expect(await admin().coupons.update({ id: coupon.id, value: 2_000, maxUsesPerBuyer: 2 })).toMatchObject({ value: 2_000, maxUsesPerBuyer: 2, code: 'EDITME' });
    // Switching to PERCENT with a value of 20.00 in minor units is out of range as a percentage.
    await expectTRPCError(admin().coupons.update({ id: coupon.id, kind: 'PERCENT', value: 20_000 }), 'BAD_REQUEST', /between 1% and 100%/);
    await admin().coupons.update({ id: coupon.id, startsAt: new Date('2030-01-01') });
    await expectTRPCError(admin().coupons.update({ id: coupon.id, expiresAt: new Date('2029-01-01') }), 'BAD_REQUEST', /expire after it starts/);
    expect(await admin().coupons.update({ id: coupon.id, maxUses: null })).toMatchObject({ maxUses: null });
    await expectTRPCError(admin().coupons.update({ id: 'missing', value: 1 }), 'NOT_FOUND', /does not exist in this store/);
  });

  it('deactivates a coupon (audited)', async () => {
    const coupon = await admin().coupons.create({ code: 'BYEBYE', kind: 'FIXED', value: 100 });
    expect((await admin().coupons.deactivate({ id: coupon.id })).active).toBe(false);
    expect((await h.auditRows(store.id, 'coupon.deactivated')).map((a) => a.targetId)).toEqual([coupon.id]);
  });
});
