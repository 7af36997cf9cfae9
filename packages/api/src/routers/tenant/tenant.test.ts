import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, PLATFORM_DOMAIN, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';

let h: ApiHarness;
let alice: SessionUser;
let bob: SessionUser;
let storeA: { id: string; slug: string; hostname: string };
let storeB: { id: string; slug: string; hostname: string };

beforeAll(async () => {
  h = await createApiHarness('tenant');
  alice = await h.createUser('alice');
  bob = await h.createUser('bob');
  storeA = await h.createStore(alice, 'loja-da-alice', 'Loja da Alice');
  storeB = await h.createStore(bob, 'loja-do-bob', 'Loja do Bob');
});
afterAll(() => h?.close());

describe('tenant.create', () => {
  it('opens a store with its owner, verified primary subdomain, storefront and audit row', async () => {
    const carol = await h.createUser('carol');
    const created = await h.caller(carol).tenant.create({ name: 'Carol Modas', slug: 'carol-modas' });
    expect(created).toMatchObject({ slug: 'carol-modas', name: 'Carol Modas', status: 'TRIAL', hostname: `carol-modas.${PLATFORM_DOMAIN}` });

    const domains = await h.db.platform.domain.findMany({ where: { tenantId: created.id } });
    expect(domains).toMatchObject([{ hostname: `carol-modas.${PLATFORM_DOMAIN}`, kind: 'SUBDOMAIN', verification: 'VERIFIED', isPrimary: true }]);
    const tdb = await h.db.forTenant(created.id);
    expect(await tdb.membership.findMany({ select: { userId: true, role: true } })).toEqual([{ userId: carol.id, role: 'OWNER' }]);
    expect(await tdb.storefrontConfig.findFirst({ select: { publishedAt: true } })).toEqual({ publishedAt: null });
    const audit = await h.auditRows(created.id, 'tenant.created');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: carol.id, targetId: created.id, requestId: expect.stringMatching(/^req-/) });
  });

  it('refuses a taken address with CONFLICT and leaves nothing behind', async () => {
    const before = await h.db.platform.tenant.count();
    await expectTRPCError(h.caller(bob).tenant.create({ name: 'Copy', slug: storeA.slug }), 'CONFLICT', /"loja-da-alice" is already taken/);
    expect(await h.db.platform.tenant.count()).toBe(before);
  });

  it('refuses reserved and malformed addresses with a readable message', async () => {
    const reserved = await expectTRPCError(h.caller(bob).tenant.create({ name: 'Admin', slug: 'admin' }), 'BAD_REQUEST');
    expect(reserved.cause?.message).toMatch(/reserved/);
    await expectTRPCError(h.caller(bob).tenant.create({ name: 'X', slug: 'Bad_Slug' }), 'BAD_REQUEST');
  });

  it('needs a signed-in user', async () => {
    await expectTRPCError(h.caller(null).tenant.create({ name: 'Anon', slug: 'anon-store' }), 'UNAUTHORIZED', /sign in/);
  });

  it('makes a previously unknown address resolvable at once (negative cache dropped)', async () => {
    const dave = await h.createUser('dave');
    const host = `dave-store.${PLATFORM_DOMAIN}`;
    expect(await h.resolver.lookup(host)).toBeNull();
    await h.caller(dave).tenant.create({ name: 'Dave', slug: 'dave-store' });
    expect(await h.resolver.lookup(host)).toMatchObject({ slug: 'dave-store' });
  });
});

describe('tenant.mine', () => {
  it('lists only the stores the user belongs to, with the role', async () => {
    const mine = await h.caller(alice).tenant.mine();
    expect(mine).toEqual([expect.objectContaining({ id: storeA.id, slug: storeA.slug, role: 'OWNER' })]);
  });
});

describe('tenant.settings', () => {
  it('reads the active store settings', async () => {
    const settings = await h.caller(alice, { tenantId: storeA.id }).tenant.settings.get();
    expect(settings.tenant).toMatchObject({ id: storeA.id, name: 'Loja da Alice', currency: 'BRL' });
    expect(settings.storefront.published).toBe(false);
    expect(settings.domains).toEqual([expect.objectContaining({ hostname: storeA.hostname, isPrimary: true })]);
  });

  it('updates settings and publication with audit rows, and the resolver sees the change at once', async () => {
    expect(await h.resolver.lookup(storeA.hostname)).toMatchObject({ name: 'Loja da Alice', published: false });
    const updated = await h.caller(alice, { tenantId: storeA.id }).tenant.settings.update({
      name: 'Alice Store',
      currency: 'USD',
      branding: { primaryColor: '#112233', accentColor: '#aabbcc', logoUrl: 'https://cdn.example.test/logo.png' },
      storefront: { theme: 'minimal', seoTitle: 'Alice', seoDescription: 'Things Alice sells' },
      published: true,
    });
    expect(updated.tenant).toMatchObject({ name: 'Alice Store', currency: 'USD', branding: { primaryColor: '#112233' } });
    expect(updated.storefront).toMatchObject({ theme: 'minimal', seoTitle: 'Alice', published: true });
    expect((await h.auditRows(storeA.id, 'tenant.settings_updated')).length).toBe(1);
    expect((await h.auditRows(storeA.id, 'storefront.published')).length).toBe(1);
    expect(await h.resolver.lookup(storeA.hostname)).toMatchObject({ name: 'Alice Store', published: true, currency: 'USD' });
  });

  it('stores contact details, languages and display currencies, and clears them with empty values', async () => {
    const caller = h.caller(alice, { tenantId: storeA.id });
    const saved = await caller.tenant.settings.update({
      locale: 'en',
      contact: { email: 'Hello@Alice.Example', phone: '+55 (11) 5555-0000', address: 'Rua A, 1\nSão Paulo' },
      enabledLocales: ['pt-BR', 'es', 'es'],
      displayCurrencies: ['USD', 'EUR'],
    });
    expect(saved.contact).toEqual({ email: 'hello@alice.example', phone: '+55 (11) 5555-0000', address: 'Rua A, 1\nSão Paulo' });
    expect(saved.languages).toEqual({ default: 'en', enabled: ['pt-BR', 'es'] });
    expect(saved.currencies).toMatchObject({ display: ['USD', 'EUR'] });
    const cleared = await caller.tenant.settings.update({ contact: { email: '', phone: '', address: '' }, displayCurrencies: [] });
    expect(cleared.contact).toEqual({ email: null, phone: null, address: null });
    expect(cleared.currencies.display).toEqual([]);
  });

  it('refuses a language outside pt-BR, en and es, a bad phone and a bad contact email', async () => {
    const caller = h.caller(alice, { tenantId: storeA.id });
    const lang = await expectTRPCError(caller.tenant.settings.update({ enabledLocales: ['fr' as 'en'] }), 'BAD_REQUEST');
    expect(lang.cause?.message).toMatch(/pt-BR, en and es/);
    const phone = await expectTRPCError(caller.tenant.settings.update({ contact: { phone: 'call me!' } }), 'BAD_REQUEST');
    expect(phone.cause?.message).toMatch(/digits/);
    await expectTRPCError(caller.tenant.settings.update({ contact: { email: 'nope' } }), 'BAD_REQUEST');
  });

  it('refuses a malformed colour with a field message', async () => {
    const error = await expectTRPCError(
      h.caller(alice, { tenantId: storeA.id }).tenant.settings.update({ branding: { primaryColor: 'red' } }),
      'BAD_REQUEST',
    );
    expect(error.cause?.message).toMatch(/#1a2b3c/);
  });

  it('refuses staff without the settings permission, and allows staff with it', async () => {
    const staff = await h.createUser('staff');
    await h.addMember(storeA.id, staff, 'STAFF', ['catalog']);
    await expectTRPCError(h.caller(staff, { tenantId: storeA.id }).tenant.settings.update({ name: 'Hijacked' }), 'FORBIDDEN', /settings:write/);
    await expectTRPCError(h.caller(staff, { tenantId: storeA.id }).tenant.settings.get(), 'FORBIDDEN');

    const manager = await h.createUser('manager');
    await h.addMember(storeA.id, manager, 'STAFF', ['settings']);
    const result = await h.caller(manager, { tenantId: storeA.id }).tenant.settings.update({ country: 'US' });
    expect(result.tenant.country).toBe('US');
  });

  it("refuses a member of one store acting on another by switching the active store", async () => {
    await expectTRPCError(h.caller(alice, { tenantId: storeB.id }).tenant.settings.get(), 'FORBIDDEN', /do not have access/);
    await expectTRPCError(h.caller(alice, { tenantId: storeB.id }).tenant.settings.update({ name: 'Mine now' }), 'FORBIDDEN');
    const b = await h.db.platform.tenant.findUniqueOrThrow({ where: { id: storeB.id } });
    expect(b.name).toBe('Loja do Bob');
  });

  it('gives a store that does not exist the same answer as a store one is not a member of', async () => {
    await expectTRPCError(h.caller(alice, { tenantId: 'does-not-exist' }).tenant.settings.get(), 'FORBIDDEN', /do not have access/);
  });

  it('asks to choose a store when none is active', async () => {
    await expectTRPCError(h.caller(alice).tenant.settings.get(), 'BAD_REQUEST', /Choose a store/);
  });
});
