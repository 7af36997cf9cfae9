import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';

let h: ApiHarness;
let owner: SessionUser;
let admin: SessionUser;
let store: { id: string };

beforeAll(async () => {
  h = await createApiHarness('audit');
  owner = await h.createUser('owner');
  admin = await h.createUser('admin');
  store = await h.createStore(owner, 'audit-store');
  await h.setPlan(store.id, 'pro'); // owner, admin and an invitation: more than Free's single seat
  await h.addMember(store.id, admin, 'ADMIN');
  await h.caller(owner, { tenantId: store.id }).team.invite({ email: 'someone@example.test', role: 'STAFF', permissions: ['orders'] });
  for (let i = 0; i < 5; i += 1) {
    await h.caller(admin, { tenantId: store.id }).pages.save({ slug: `page-${i}`, title: `Page ${i}`, body: 'Text' });
  }
});
afterAll(() => h?.close());

const asOwner = () => h.caller(owner, { tenantId: store.id });

describe('audit.list', () => {
  it('lists who did what and when, newest first, with the actor email and request id', async () => {
    const { items } = await asOwner().audit.list({});
    expect(items.map((i) => i.action)).toEqual([...Array(5).fill('store_page.saved'), 'team.invitation_sent', 'tenant.created']);
    expect(items[0]).toMatchObject({ actor: { kind: 'member', userId: admin.id, email: admin.email }, targetType: 'store_page', requestId: expect.stringMatching(/^req-audit-/) });
    expect(items[5]).toMatchObject({ actor: { email: owner.email }, targetType: 'invitation', data: { email: 'someone@example.test' } });
  });

  it('filters by action, actor, target type and days', async () => {
    expect((await asOwner().audit.list({ action: 'team.invitation_sent' })).items).toHaveLength(1);
    expect((await asOwner().audit.list({ actorUserId: admin.id })).items).toHaveLength(5);
    expect((await asOwner().audit.list({ actorUserId: owner.id, targetType: 'tenant' })).items.map((i) => i.action)).toEqual(['tenant.created']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await asOwner().audit.list({ from: today, to: today })).items).toHaveLength(7);
    expect((await asOwner().audit.list({ from: '2020-01-01', to: '2020-01-31' })).items).toEqual([]);
    expect((await asOwner().audit.list({ from: '2999-01-01' })).items).toEqual([]);
  });

  it('pages through with a keyset cursor, each entry once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await asOwner().audit.list({ limit: 3, cursor });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const all = (await asOwner().audit.list({})).items.map((i) => i.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(7);
  });

  it('offers the filters: actions, target types and actors', async () => {
    const f = await asOwner().audit.filters();
    expect(f.actions).toEqual(['store_page.saved', 'team.invitation_sent', 'tenant.created']);
    expect(f.targetTypes).toEqual(['invitation', 'store_page', 'tenant']);
    expect(f.actors.map((a) => a.userId).sort()).toEqual([admin.id, owner.id].sort());
  });

  it('refuses bad dates and a forged cursor with sentences', async () => {
    const e = await expectTRPCError(asOwner().audit.list({ from: '2026-02-30x' }), 'BAD_REQUEST');
    expect(e.cause?.message).toMatch(/date like/);
    const order = await expectTRPCError(asOwner().audit.list({ from: '2026-05-02', to: '2026-05-01' }), 'BAD_REQUEST');
    expect(order.cause?.message).toMatch(/on or before/);
    await expectTRPCError(asOwner().audit.list({ cursor: 'bm9wZQ' }), 'BAD_REQUEST', /no longer valid/);
  });

  it('is for owners and admins only: staff gets FORBIDDEN whatever it holds', async () => {
    expect((await h.caller(admin, { tenantId: store.id }).audit.list({})).items.length).toBeGreaterThan(0);
    const staff = await h.createUser('staff');
    await h.addMember(store.id, staff, 'STAFF', ['catalog', 'orders', 'support', 'settings', 'billing']);
    await expectTRPCError(h.caller(staff, { tenantId: store.id }).audit.list({}), 'FORBIDDEN', /audit:read/);
    await expectTRPCError(h.caller(staff, { tenantId: store.id }).audit.filters(), 'FORBIDDEN');
  });

  it('the log cannot be changed through the application role', async () => {
    const tdb = await h.db.forTenant(store.id);
    const [row] = (await asOwner().audit.list({ limit: 1 })).items;
    await expect(tdb.auditLog.update({ where: { id: row!.id }, data: { action: 'forged' } })).rejects.toThrow();
    await expect(tdb.auditLog.deleteMany({})).rejects.toThrow();
    expect((await asOwner().audit.list({ limit: 1 })).items[0]).toMatchObject({ id: row!.id, action: row!.action });
  });
});
