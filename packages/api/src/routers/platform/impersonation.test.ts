import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';

let h: ApiHarness;
let staff: SessionUser;
let owner: SessionUser;
let store: { id: string; slug: string };
let other: { id: string; slug: string };

const product = (sku: string) => ({ title: `Impersonated ${sku}`, variants: [{ sku, priceAmount: 1000, stock: 1 }] });

beforeAll(async () => {
  h = await createApiHarness('impersonation');
  staff = await h.createUser('staff', 'SUPER_ADMIN');
  owner = await h.createUser('owner');
  store = await h.createStore(owner, 'imp-alpha', 'Imp Alpha');
  other = await h.createStore(owner, 'imp-beta', 'Imp Beta');
});
afterAll(() => h?.close());

async function start(mode: 'READ_ONLY' | 'FULL', tenantId = store.id) {
  return h.caller(staff).platform.impersonation.start({ tenantId, reason: 'Customer asked for help with products', mode, minutes: 15 });
}

describe('platform staff and two-factor authentication', () => {
  it('refuses platform procedures to staff without two-factor authentication, with a sentence saying how to fix it', async () => {
    const no2fa = await h.createUser('no2fa', 'SUPER_ADMIN');
    await h.db.platform.user.update({ where: { id: no2fa.id }, data: { totpEnabledAt: null } });
    await expectTRPCError(h.caller(no2fa).platform.tenants.list({}), 'FORBIDDEN', /two-factor authentication/);
    await expectTRPCError(
      h.caller(no2fa).platform.impersonation.start({ tenantId: store.id, reason: 'Looking around', mode: 'READ_ONLY', minutes: 15 }),
      'FORBIDDEN',
      /two-factor authentication/,
    );
    expect(await h.db.platform.impersonationGrant.count({ where: { staffUserId: no2fa.id } })).toBe(0);
  });
});

describe('impersonation', () => {
  it('refuses to start for a non-staff user, without a reason, or beyond the time cap', async () => {
    await expectTRPCError(
      h.caller(owner).platform.impersonation.start({ tenantId: store.id, reason: 'I want to look', mode: 'FULL', minutes: 15 }),
      'FORBIDDEN',
      /platform administrators/,
    );
    await expectTRPCError(h.caller(staff).platform.impersonation.start({ tenantId: store.id, reason: ' ', mode: 'FULL', minutes: 15 }), 'BAD_REQUEST', /Say why/);
    await expectTRPCError(h.caller(staff).platform.impersonation.start({ tenantId: store.id, reason: 'Long look', mode: 'FULL', minutes: 240 }), 'BAD_REQUEST', /at most 60/);
    await expectTRPCError(h.caller(staff).platform.impersonation.start({ tenantId: 'missing', reason: 'No such store', mode: 'FULL', minutes: 15 }), 'NOT_FOUND');
  });

  it('read-only: reads the store, refuses every write with 403, and writes no membership', async () => {
    const grant = await start('READ_ONLY');
    const as = h.caller(staff, { tenantId: store.id, impersonationGrantId: grant.id });
    expect((await as.catalog.products.list({})).items).toBeDefined();
    await expectTRPCError(as.catalog.products.create(product('RO-1')), 'FORBIDDEN', /read-only as platform staff/);
    expect(await h.owner.product.count({ where: { tenantId: store.id } })).toBe(0);
    expect(await h.owner.membership.count({ where: { userId: staff.id } })).toBe(0);
    // Without the grant, or with it on another store, staff are like anyone else: no access.
    await expectTRPCError(h.caller(staff, { tenantId: store.id }).catalog.products.list({}), 'FORBIDDEN', /do not have access/);
    await expectTRPCError(h.caller(staff, { tenantId: other.id, impersonationGrantId: grant.id }).catalog.products.list({}), 'FORBIDDEN', /do not have access/);
    // Someone else carrying the grant id gets nothing from it.
    await expectTRPCError(h.caller(await h.createUser('thief'), { tenantId: store.id, impersonationGrantId: grant.id }).catalog.products.list({}), 'FORBIDDEN', /do not have access/);
    await h.caller(staff).platform.impersonation.end({ grantId: grant.id });
  });

  it('full: writes, and the store audit row names the staff member and the grant; start and end are in both logs', async () => {
    const grant = await start('FULL');
    expect(await h.caller(staff).platform.impersonation.current({ grantId: grant.id })).toMatchObject({ mode: 'FULL', tenant: { id: store.id, name: 'Imp Alpha' } });
    const as = h.caller(staff, { tenantId: store.id, impersonationGrantId: grant.id });
    const created = await as.catalog.products.create(product('FULL-1'));
    const rows = await h.owner.auditLog.findMany({ where: { tenantId: store.id, action: 'product.created', targetId: created.id } });
    expect(rows).toEqual([expect.objectContaining({ tenantId: store.id, actorUserId: staff.id, actorPlatformUserId: staff.id, impersonationGrantId: grant.id })]);

    await h.caller(staff).platform.impersonation.end({ grantId: grant.id });
    expect(await h.caller(staff).platform.impersonation.current({ grantId: grant.id })).toBeNull();
    await expectTRPCError(as.catalog.products.list({}), 'FORBIDDEN', /has ended/);

    const platformRows = await h.owner.platformAuditLog.findMany({ where: { targetId: store.id, data: { path: ['grantId'], equals: grant.id } }, orderBy: { createdAt: 'asc' } });
    expect(platformRows.map((r) => [r.action, r.actorUserId])).toEqual([
      ['impersonation.started', staff.id],
      ['impersonation.ended', staff.id],
    ]);
    const storeRows = await h.owner.auditLog.findMany({ where: { tenantId: store.id, impersonationGrantId: grant.id, action: { startsWith: 'impersonation.' } }, orderBy: { createdAt: 'asc' } });
    expect(storeRows.map((r) => [r.action, r.actorPlatformUserId])).toEqual([
      ['impersonation.started', staff.id],
      ['impersonation.ended', staff.id],
    ]);
  });

  it('stops working by itself at its time cap', async () => {
    const grant = await start('FULL');
    const as = h.caller(staff, { tenantId: store.id, impersonationGrantId: grant.id });
    await as.catalog.products.list({});
    await h.owner.impersonationGrant.update({ where: { id: grant.id }, data: { startedAt: new Date(Date.now() - 20 * 60_000), expiresAt: new Date(Date.now() - 1000) } });
    await expectTRPCError(as.catalog.products.list({}), 'FORBIDDEN', /has ended/);
    await expectTRPCError(as.catalog.products.create(product('LATE-1')), 'FORBIDDEN', /has ended/);
    expect(await h.caller(staff).platform.impersonation.current({ grantId: grant.id })).toBeNull();
    // The end is recorded once, at the cap, in both logs.
    const closed = await h.owner.impersonationGrant.findUniqueOrThrow({ where: { id: grant.id } });
    expect(closed.endedAt).toEqual(closed.expiresAt);
    const ends = await h.owner.platformAuditLog.findMany({ where: { action: 'impersonation.ended', data: { path: ['grantId'], equals: grant.id } } });
    expect(ends.map((r) => r.data)).toEqual([{ grantId: grant.id, how: 'expired' }]);
    expect(await h.owner.auditLog.count({ where: { tenantId: store.id, impersonationGrantId: grant.id, action: 'impersonation.ended' } })).toBe(1);
  });

  it('stops working when the staff member loses the platform role, and one grant at a time', async () => {
    const first = await start('READ_ONLY');
    const second = await start('READ_ONLY', other.id);
    expect((await h.owner.impersonationGrant.findUniqueOrThrow({ where: { id: first.id } })).endedAt).not.toBeNull();
    const as = h.caller(staff, { tenantId: other.id, impersonationGrantId: second.id });
    await as.catalog.products.list({});
    await h.owner.user.update({ where: { id: staff.id }, data: { platformRole: 'NONE' } });
    await expectTRPCError(as.catalog.products.list({}), 'FORBIDDEN', /has ended/);
    await h.owner.user.update({ where: { id: staff.id }, data: { platformRole: 'SUPER_ADMIN' } });
  });

  it('refuses to enter a suspended store', async () => {
    const closed = await h.createStore(owner, 'imp-closed', 'Imp Closed');
    await h.caller(staff).platform.tenants.suspend({ tenantId: closed.id, reason: 'Fraud review' });
    await expectTRPCError(start('READ_ONLY', closed.id), 'CONFLICT', /suspended or closed/);
  });
});
