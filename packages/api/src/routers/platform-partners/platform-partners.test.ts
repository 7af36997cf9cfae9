import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';

let h: ApiHarness;
let staff: SessionUser;
let someone: SessionUser;

const fields = (slug: string, extra: Record<string, unknown> = {}) => ({
  name: `Partner ${slug}`,
  slug,
  productName: `${slug} Shops`,
  logoUrl: '',
  primaryColor: '#102030',
  accentColor: '#405060',
  supportEmail: `Help@${slug}.example`,
  adminDomain: '',
  allowedPlanCodes: ['basic'],
  defaultPrimaryColor: '#111111',
  defaultAccentColor: '#222222',
  ...extra,
});

const platformAudit = (targetId: string) =>
  h.owner.platformAuditLog.findMany({ where: { targetId }, orderBy: { createdAt: 'asc' }, select: { action: true, actorUserId: true, data: true } });

beforeAll(async () => {
  h = await createApiHarness('platform_partners');
  staff = await h.createUser('staff', 'SUPER_ADMIN');
  someone = await h.createUser('someone');
});
afterAll(() => h?.close());

describe('platformPartners', () => {
  it('is for platform staff only', async () => {
    await expectTRPCError(h.caller(someone).platformPartners.list(), 'FORBIDDEN', /platform administrators/);
    await expectTRPCError(h.caller(someone).platformPartners.create(fields('nope')), 'FORBIDDEN');
    await expectTRPCError(h.caller(null).platformPartners.list(), 'UNAUTHORIZED');
    expect(await h.owner.partner.count()).toBe(0);
  });

  it('creates and edits a partner (brand, admin domain, allowed plans), audited in the platform audit log', async () => {
    const created = await h.caller(staff).platformPartners.create(fields('acme', { adminDomain: 'Admin.Acme.Example', logoUrl: 'https://acme.example/logo.svg' }));
    expect(created).toMatchObject({
      slug: 'acme', adminDomain: 'admin.acme.example', supportEmail: 'help@acme.example', allowedPlanCodes: ['basic'],
      defaultTenantBranding: { primaryColor: '#111111', accentColor: '#222222', logoUrl: 'https://acme.example/logo.svg' },
    });
    const updated = await h.caller(staff).platformPartners.update({ id: created.id, ...fields('acme', { productName: 'Acme Cloud', allowedPlanCodes: ['basic', 'pro'], adminDomain: '' }) });
    expect(updated).toMatchObject({ productName: 'Acme Cloud', adminDomain: null, allowedPlanCodes: ['basic', 'pro'], logoUrl: null });
    expect(await platformAudit(created.id)).toEqual([
      { action: 'partner.created', actorUserId: staff.id, data: expect.objectContaining({ slug: 'acme', adminDomain: 'admin.acme.example' }) },
      { action: 'partner.updated', actorUserId: staff.id, data: expect.objectContaining({ changed: expect.arrayContaining(['productName', 'adminDomain', 'allowedPlanCodes']) }) },
    ]);
    expect((await h.caller(staff).platformPartners.list()).map((p) => [p.slug, p.tenantCount, p.memberCount])).toEqual([['acme', 0, 0]]);
  });

  it('refuses unknown plans, a taken slug or domain, a store’s address and malformed values, beside their fields', async () => {
    const bad = async (input: ReturnType<typeof fields>, field: string, message: RegExp) => {
      const error = await expectTRPCError(h.caller(staff).platformPartners.create(input), 'BAD_REQUEST', message);
      const issues = (error.cause as { issues?: { path: PropertyKey[] }[] }).issues ?? [];
      expect(issues.map((i) => i.path.join('.'))).toContain(field);
    };
    await bad(fields('p-plans', { allowedPlanCodes: ['basic', 'gold'] }), 'allowedPlanCodes', /no plan "gold"/);
    const store = await h.createStore(someone, 'shop-one');
    await bad(fields('p-store', { adminDomain: store.hostname }), 'adminDomain', /store already uses this address/);
    await bad(fields('p-own', { adminDomain: 'vitrine.test' }), 'adminDomain', /Vitrine’s own address/);
    await bad(fields('p-url', { adminDomain: 'https://x.example/admin' }), 'adminDomain', /Enter a domain/);
    await bad(fields('p-color', { primaryColor: 'red' }), 'primaryColor', /colour like/);
    await h.caller(staff).platformPartners.create(fields('first', { adminDomain: 'admin.first.example' }));
    await bad(fields('second', { adminDomain: 'admin.first.example' }), 'adminDomain', /Another partner already uses this admin domain/);
    await bad(fields('first'), 'slug', /Another partner already uses this short name/);
  });

  it('adds and removes team members by email, one partner per person, audited', async () => {
    const [a, b] = await h.owner.partner.findMany({ where: { slug: { in: ['acme', 'first'] } }, orderBy: { slug: 'asc' } });
    const api = h.caller(staff).platformPartners.members;
    await expectTRPCError(api.add({ partnerId: a!.id, email: 'nobody@nowhere.test', role: 'PARTNER_ADMIN' }), 'CONFLICT', /sign up first/);
    await expectTRPCError(api.add({ partnerId: a!.id, email: staff.email, role: 'PARTNER_ADMIN' }), 'CONFLICT', /Platform staff/);
    const member = await api.add({ partnerId: a!.id, email: someone.email.toUpperCase(), role: 'PARTNER_ADMIN' });
    await expectTRPCError(api.add({ partnerId: b!.id, email: someone.email, role: 'PARTNER_STAFF' }), 'CONFLICT', /already works for the partner Partner acme/);
    expect((await h.caller(staff).platformPartners.get({ id: a!.id })).members.map((m) => [m.user.email, m.role])).toEqual([[someone.email, 'PARTNER_ADMIN']]);
    expect(await h.caller(someone).partner.me()).toMatchObject({ id: a!.id, role: 'PARTNER_ADMIN', plans: [{ code: 'basic' }, { code: 'pro' }] });

    await api.remove({ memberId: member.id });
    await expectTRPCError(h.caller(someone).partner.me(), 'FORBIDDEN');
    await expectTRPCError(api.remove({ memberId: member.id }), 'NOT_FOUND');
    expect((await platformAudit(a!.id)).map((r) => r.action).slice(-2)).toEqual(['partner.member_added', 'partner.member_removed']);
  });
});
