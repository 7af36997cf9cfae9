import { createPrismaClient, type Prisma } from '@vitrine/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { withPartner } from '../../partners/scope.ts';
import { recordBillingChanges } from '../../billing/notify.ts';
import { APP_URL, createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';

let h: ApiHarness;
let staff: SessionUser;
let p1Admin: SessionUser;
let p1Staff: SessionUser;
let p2Admin: SessionUser;
let direct: { id: string };
let p1: { id: string };
let p2: { id: string };
let c1: { id: string; slug: string };
let c2: { id: string; slug: string };

const P1_DOMAIN = 'admin.partner-one.test';

const partnerFields = (slug: string, plans: string[], adminDomain: string | null) => ({
  name: `Partner ${slug}`,
  slug,
  productName: `${slug.toUpperCase()} Commerce`,
  logoUrl: `https://${slug}.example/logo.png`,
  primaryColor: '#aa0011',
  accentColor: '#0011aa',
  supportEmail: `help@${slug}.example`,
  adminDomain,
  allowedPlanCodes: plans,
  defaultPrimaryColor: '#123456',
  defaultAccentColor: '#654321',
});

const emailsTo = async (to: string) =>
  (await h.owner.outboxJob.findMany({ where: { queue: 'email' }, orderBy: { createdAt: 'asc' } }))
    .map((r) => r.payload as { to: string; subject: string; text: string; html?: string; kind: string; replyTo?: string })
    .filter((p) => p.to === to);

beforeAll(async () => {
  h = await createApiHarness('partners');
  staff = await h.createUser('staff', 'SUPER_ADMIN');
  [p1Admin, p1Staff, p2Admin] = [await h.createUser('p1admin'), await h.createUser('p1staff'), await h.createUser('p2admin')];
  const alice = await h.createUser('alice');
  direct = await h.createStore(alice, 'direct-store');

  const platform = h.caller(staff).platformPartners;
  p1 = await platform.create(partnerFields('one', ['basic', 'pro'], P1_DOMAIN));
  p2 = await platform.create(partnerFields('two', ['free', 'basic'], null));
  await platform.members.add({ partnerId: p1.id, email: p1Admin.email, role: 'PARTNER_ADMIN' });
  await platform.members.add({ partnerId: p1.id, email: p1Staff.email, role: 'PARTNER_STAFF' });
  await platform.members.add({ partnerId: p2.id, email: p2Admin.email, role: 'PARTNER_ADMIN' });

  c1 = await h.caller(p1Admin).partner.clients.create({ name: 'Client One', slug: 'client-one', ownerEmail: 'owner@client-one.test', planCode: 'basic' });
  c2 = await h.caller(p2Admin).partner.clients.create({ name: 'Client Two', slug: 'client-two', ownerEmail: 'owner@client-two.test', planCode: 'free' });
});
afterAll(() => h?.close());

describe('partner.clients.create', () => {
  it('opens a store owned by the partner, on the chosen plan, with its default branding and an invitation for the owner', async () => {
    const row = await h.owner.tenant.findUniqueOrThrow({ where: { id: c1.id } });
    expect(row).toMatchObject({ partnerId: p1.id, planCode: 'basic', status: 'TRIAL', branding: { primaryColor: '#123456', accentColor: '#654321' } });
    const tdb = await h.db.forTenant(c1.id);
    expect(await tdb.invitation.findMany({ select: { email: true, role: true } })).toEqual([{ email: 'owner@client-one.test', role: 'OWNER' }]);
    expect(await tdb.membership.count()).toBe(0);
    const [email] = await emailsTo('owner@client-one.test');
    expect(email).toMatchObject({ subject: 'Sua loja Client One está pronta na ONE Commerce', kind: 'partner.client-owner-invitation', replyTo: 'help@one.example' });
    expect(email!.text).not.toContain('Vitrine');
    // The link goes to the partner's admin domain.
    expect(email!.text).toContain(`http://${P1_DOMAIN}/invitations/inv_${c1.id}.`);
    expect(await h.auditRows(c1.id, 'tenant.created')).toEqual([
      expect.objectContaining({ actorUserId: p1Admin.id, data: expect.objectContaining({ partnerId: p1.id, planCode: 'basic' }) }),
    ]);
    expect(await h.resolver.resolve('client-one.vitrine.test')).toMatchObject({ id: c1.id, published: false, branding: { primaryColor: '#123456' } });
  });

  it('refuses a plan outside the partner’s allowed list with a sentence beside the plan, and writes nothing', async () => {
    const error = await expectTRPCError(
      h.caller(p1Admin).partner.clients.create({ name: 'Free Rider', slug: 'free-rider', ownerEmail: 'x@free.test', planCode: 'free' }),
      'BAD_REQUEST',
      /"free" is not one your partnership may offer\. Choose one of: basic, pro/,
    );
    expect((error.cause as unknown as { issues: { path: string[] }[] }).issues[0]!.path).toEqual(['planCode']);
    await expectTRPCError(
      h.caller(p1Admin).partner.clients.create({ name: 'Big One', slug: 'big-one', ownerEmail: 'x@big.test', planCode: 'enterprise' }),
      'BAD_REQUEST',
      /not one your partnership may offer/,
    );
    expect(await h.owner.tenant.count({ where: { slug: { in: ['free-rider', 'big-one'] } } })).toBe(0);
    expect(await emailsTo('x@free.test')).toEqual([]);
  });

  it('refuses a taken address and lets partner staff read but not create', async () => {
    await expectTRPCError(
      h.caller(p1Admin).partner.clients.create({ name: 'Again', slug: 'client-two', ownerEmail: 'a@b.test', planCode: 'basic' }),
      'CONFLICT',
      /already taken/,
    );
    await expectTRPCError(
      h.caller(p1Staff).partner.clients.create({ name: 'Staff Store', slug: 'staff-store', ownerEmail: 'a@b.test', planCode: 'basic' }),
      'FORBIDDEN',
      /partner administrator/,
    );
    expect((await h.caller(p1Staff).partner.clients.list({})).items.map((c) => c.id)).toEqual([c1.id]);
  });
});

describe('partner isolation', () => {
  it('lists only the partner’s own stores, with search, filters and usage', async () => {
    const list = await h.caller(p1Admin).partner.clients.list({});
    expect(list.items.map((c) => c.id)).toEqual([c1.id]);
    expect(list.items[0]).toMatchObject({ planCode: 'basic', planName: expect.any(String), primaryHostname: 'client-one.vitrine.test', usage: { products: 0, ordersThisMonth: 0, teamSeats: 1 } });
    expect((await h.caller(p1Admin).partner.clients.list({ search: 'client' })).items.map((c) => c.id)).toEqual([c1.id]);
    expect((await h.caller(p1Admin).partner.clients.list({ planCode: 'free' })).items).toEqual([]);
    expect((await h.caller(p2Admin).partner.clients.list({})).items.map((c) => c.id)).toEqual([c2.id]);
  });

  it('refuses to read, change, suspend or reactivate another partner’s store or a direct client by any id', async () => {
    const as1 = h.caller(p1Admin).partner.clients;
    for (const id of [c2.id, direct.id, 'no-such-id']) {
      await expectTRPCError(as1.get({ tenantId: id }), 'NOT_FOUND', /among your clients/);
      await expectTRPCError(as1.changePlan({ tenantId: id, planCode: 'basic' }), 'NOT_FOUND');
      await expectTRPCError(as1.suspend({ tenantId: id, reason: 'Trying my luck' }), 'NOT_FOUND');
      await expectTRPCError(as1.reactivate({ tenantId: id }), 'NOT_FOUND');
    }
    expect(await h.owner.tenant.findUniqueOrThrow({ where: { id: c2.id }, select: { status: true, planCode: true } })).toEqual({ status: 'TRIAL', planCode: 'free' });
    expect(await h.auditRows(c2.id, 'tenant.suspended')).toEqual([]);
  });

  it('keeps store members, even the owner of a partner’s client, out of the partner console', async () => {
    const [email] = await emailsTo('owner@client-one.test');
    const token = /\/invitations\/(inv_[^\s"<]+)/.exec(email!.text)![1]!;
    const owner = await h.db.platform.user.create({ data: { email: 'owner@client-one.test', name: 'Client Owner' } });
    const ownerUser = { id: owner.id, email: owner.email, platformRole: owner.platformRole };
    await h.caller(ownerUser).team.invitation.accept({ token });
    expect(await (await h.db.forTenant(c1.id)).membership.findMany({ select: { role: true } })).toEqual([{ role: 'OWNER' }]);
    for (const call of [
      h.caller(ownerUser, { tenantId: c1.id }).partner.me(),
      h.caller(ownerUser, { tenantId: c1.id }).partner.clients.list({}),
      h.caller(ownerUser, { tenantId: c1.id }).partner.clients.get({ tenantId: c1.id }),
      h.caller(ownerUser, { tenantId: c1.id }).partner.clients.suspend({ tenantId: c1.id, reason: 'I own it after all' }),
    ]) {
      await expectTRPCError(call, 'FORBIDDEN', /teams of Vitrine partners/);
    }
    await expectTRPCError(h.caller(null).partner.clients.list({}), 'UNAUTHORIZED');
  });

  it('lets row-level security refuse another partner’s rows to a partner-scoped query, even a raw one', async () => {
    // A client of its own, as the application role, running plain SQL.
    const app = createPrismaClient(h.testDb.appUrl, { maxConnections: 1 });
    const asP1 = <T>(fn: (tx: Prisma.TransactionClient) => Promise<T>) =>
      app.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SELECT set_config('app.partner_id', $1, true)`, p1.id);
        return fn(tx);
      });
    try {
      await asP1(async (tx) => {
        expect((await tx.$queryRawUnsafe<{ id: string }[]>('SELECT id FROM tenants')).map((r) => r.id)).toEqual([c1.id]);
        expect(await tx.$queryRawUnsafe('SELECT id FROM tenants WHERE id = $1', c2.id)).toEqual([]);
        expect(await tx.$executeRawUnsafe(`UPDATE tenants SET plan_code = 'pro' WHERE id = $1`, c2.id)).toBe(0);
        expect(await tx.$executeRawUnsafe('UPDATE tenants SET partner_id = $1 WHERE id = $2', p1.id, direct.id)).toBe(0);
        expect((await tx.$queryRawUnsafe<{ id: string }[]>('SELECT id FROM partners')).map((r) => r.id)).toEqual([p1.id]);
        expect(await tx.$queryRawUnsafe('SELECT id FROM partner_members WHERE partner_id = $1', p2.id)).toEqual([]);
      });
      await expect(
        asP1((tx) => tx.$executeRawUnsafe(`INSERT INTO tenants (id, slug, name, partner_id, updated_at) VALUES ('t-x', 'sneaky', 'Sneaky', $1, now())`, p2.id)),
      ).rejects.toThrow(/row-level security/);
      await expect(asP1((tx) => tx.$executeRawUnsafe('UPDATE tenants SET partner_id = $1 WHERE id = $2', p2.id, c1.id))).rejects.toThrow(/row-level security/);
    } finally {
      await app.$disconnect();
    }
    // Through the code's own helper, a raw query without any filter sees the partner's rows only.
    const ids = await withPartner(h.db.platform, p2.id, (tx) => tx.$queryRaw<{ id: string }[]>`SELECT id FROM tenants ORDER BY id`);
    expect(ids.map((r) => r.id)).toEqual([c2.id]);
    // Without a partner in force the platform sees every store, as before.
    expect(await h.db.platform.tenant.count()).toBe(3);
  });
});

describe('partner.clients plan and status', () => {
  it('changes a client’s plan within the allowed list only, audited', async () => {
    const as1 = h.caller(p1Admin).partner.clients;
    await expectTRPCError(as1.changePlan({ tenantId: c1.id, planCode: 'enterprise' }), 'BAD_REQUEST', /Choose one of: basic, pro/);
    await expectTRPCError(as1.changePlan({ tenantId: c1.id, planCode: 'basic' }), 'CONFLICT', /already on the plan/);
    expect(await as1.changePlan({ tenantId: c1.id, planCode: 'pro' })).toMatchObject({ planCode: 'pro' });
    expect(await h.auditRows(c1.id, 'tenant.plan_changed')).toEqual([
      expect.objectContaining({ actorUserId: p1Admin.id, data: expect.objectContaining({ from: 'basic', to: 'pro', partnerId: p1.id }) }),
    ]);
    // Staff narrowing the list later does not move existing clients, but the partner can no longer pick the plan.
    await h.caller(staff).platformPartners.update({ id: p1.id, ...partnerFields('one', ['basic'], P1_DOMAIN) });
    await expectTRPCError(as1.changePlan({ tenantId: c1.id, planCode: 'pro' }), 'BAD_REQUEST', /Choose one of: basic\./);
  });

  it('suspends and reactivates its own client, audited; a suspension by Vitrine stays Vitrine’s to lift', async () => {
    const as1 = h.caller(p1Admin).partner.clients;
    await expectTRPCError(h.caller(p1Staff).partner.clients.suspend({ tenantId: c1.id, reason: 'Unpaid invoice' }), 'FORBIDDEN');
    expect(await as1.suspend({ tenantId: c1.id, reason: 'Unpaid invoice' })).toMatchObject({ status: 'SUSPENDED', suspendedReason: 'Unpaid invoice' });
    await expect(h.resolver.resolve('client-one.vitrine.test')).rejects.toMatchObject({ reason: 'TENANT_SUSPENDED' });
    expect(await as1.reactivate({ tenantId: c1.id })).toMatchObject({ status: 'TRIAL', suspendedReason: null });
    const actions = (await h.auditRows(c1.id)).filter((r) => r.action.startsWith('tenant.')).map((r) => [r.action, r.actorUserId]);
    expect(actions).toEqual([
      ['tenant.created', p1Admin.id],
      ['tenant.plan_changed', p1Admin.id],
      ['tenant.suspended', p1Admin.id],
      ['tenant.reactivated', p1Admin.id],
    ]);

    await h.caller(staff).platform.tenants.suspend({ tenantId: c1.id, reason: 'Abuse report' });
    await expectTRPCError(as1.reactivate({ tenantId: c1.id }), 'CONFLICT', /only Vitrine support/);
    await h.caller(staff).platform.tenants.reactivate({ tenantId: c1.id });
  });
});

describe('white-label resolution', () => {
  const brandOf = (user: SessionUser | null, as: { host?: string; tenantId?: string }) => h.caller(user, as).partner.whiteLabel();

  it('shows the partner’s brand on its admin domain (any port, any case), to anyone', async () => {
    for (const host of [P1_DOMAIN, `${P1_DOMAIN.toUpperCase()}:3000`]) {
      expect(await brandOf(null, { host })).toEqual({
        partnerId: p1.id, name: 'ONE Commerce', logoUrl: 'https://one.example/logo.png', primaryColor: '#aa0011', accentColor: '#0011aa', supportEmail: 'help@one.example',
      });
    }
    // The host wins over who is signed in.
    expect(await brandOf(p2Admin, { host: P1_DOMAIN })).toMatchObject({ partnerId: p1.id });
  });

  it('shows Vitrine’s brand on the platform domain, and the partner’s to its clients’ members and its own team', async () => {
    expect(await brandOf(null, {})).toBeNull();
    const alice = await h.owner.membership.findFirstOrThrow({ where: { tenantId: direct.id }, select: { userId: true } });
    const aliceUser = { id: alice.userId, email: 'alice@x.test', platformRole: 'NONE' as const };
    expect(await brandOf(aliceUser, { tenantId: direct.id })).toBeNull();
    // Naming a partner's store one is not a member of reveals nothing.
    expect(await brandOf(aliceUser, { tenantId: c1.id })).toBeNull();
    const owner = await h.owner.user.findUniqueOrThrow({ where: { email: 'owner@client-one.test' } });
    expect(await brandOf({ id: owner.id, email: owner.email, platformRole: 'NONE' }, { tenantId: c1.id })).toMatchObject({ partnerId: p1.id, name: 'ONE Commerce' });
    expect(await brandOf(p2Admin, {})).toMatchObject({ partnerId: p2.id, name: 'TWO Commerce' });
  });
});

describe('emails to the members of a partner’s client store', () => {
  it('carry the partner’s product name and link to its admin domain; a direct store’s say Vitrine', async () => {
    const past = { kind: 'past_due' as const, graceEndsAt: new Date('2026-12-05T00:00:00Z') };
    const notify = (store: { id: string; name: string }) =>
      h.db.platform.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('app.tenant_id', ${store.id}, true)`;
        await recordBillingChanges(tx, { ...store, locale: 'pt-BR' }, [past], { requestId: 'partner-brand-test', ip: null }, APP_URL);
      });
    await notify({ id: c1.id, name: 'Client One' });
    await notify({ id: direct.id, name: 'Direct Store' });

    const [client] = (await emailsTo('owner@client-one.test')).filter((e) => e.kind === 'billing.past_due');
    expect(client!.text).toContain('pelo plano da ONE Commerce');
    expect(client!.text).toContain(`http://${P1_DOMAIN}/admin/billing`);
    expect(client!.text).not.toContain('Vitrine');
    expect(client!.html).toContain('ONE Commerce');

    const directOwner = await h.owner.membership.findFirstOrThrow({ where: { tenantId: direct.id, role: 'OWNER' }, select: { user: { select: { email: true } } } });
    const [own] = (await emailsTo(directOwner.user.email)).filter((e) => e.kind === 'billing.past_due');
    expect(own!.text).toContain('pelo plano da Vitrine');
    expect(own!.text).toContain(`${APP_URL}/admin/billing`);
  });
});
