import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';

let h: ApiHarness;
let owner: SessionUser;
let store: { id: string; hostname: string };

beforeAll(async () => {
  h = await createApiHarness('pages');
  owner = await h.createUser('owner');
  store = await h.createStore(owner, 'pages-store');
  await h.caller(owner, { tenantId: store.id }).tenant.settings.update({ published: true });
});
afterAll(() => h?.close());

const asOwner = () => h.caller(owner, { tenantId: store.id });
const shopper = () => h.caller(null, { host: store.hostname });

describe('pages (admin)', () => {
  it('lists the standard pages as missing until written', async () => {
    expect(await asOwner().pages.list()).toEqual({
      standard: [{ slug: 'about', page: null }, { slug: 'returns', page: null }, { slug: 'privacy', page: null }],
      custom: [],
    });
  });

  it('saves, replaces and deletes a page, each audited', async () => {
    await asOwner().pages.save({ slug: 'returns', title: 'Returns', body: 'Within 30 days.\r\n\r\nWrite to us.' });
    const saved = await asOwner().pages.save({ slug: 'returns', title: 'Returns policy', body: 'Within 7 days.' });
    expect(saved).toMatchObject({ slug: 'returns', title: 'Returns policy', body: 'Within 7 days.', published: true });
    await asOwner().pages.save({ slug: 'shipping-times', title: 'Shipping', body: 'Two days.' });
    const list = await asOwner().pages.list();
    expect(list.standard[1]).toMatchObject({ slug: 'returns', page: { title: 'Returns policy' } });
    expect(list.custom.map((p) => p.slug)).toEqual(['shipping-times']);
    expect(await asOwner().pages.delete({ slug: 'shipping-times' })).toEqual({ deleted: 'shipping-times' });
    await expectTRPCError(asOwner().pages.get({ slug: 'shipping-times' }), 'NOT_FOUND');
    expect((await h.auditRows(store.id, 'store_page.saved')).length).toBe(3);
    expect((await h.auditRows(store.id, 'store_page.deleted')).length).toBe(1);
  });

  it('refuses a bad address or an empty title with a sentence', async () => {
    const slug = await expectTRPCError(asOwner().pages.save({ slug: 'Not OK!', title: 'X' }), 'BAD_REQUEST');
    expect(slug.cause?.message).toMatch(/lowercase letters/);
    const title = await expectTRPCError(asOwner().pages.save({ slug: 'about', title: '  ' }), 'BAD_REQUEST');
    expect(title.cause?.message).toMatch(/title/);
  });

  it('staff needs the settings permission', async () => {
    const staff = await h.createUser('staff');
    await h.addMember(store.id, staff, 'STAFF', ['catalog']);
    await expectTRPCError(h.caller(staff, { tenantId: store.id }).pages.save({ slug: 'about', title: 'Hijack' }), 'FORBIDDEN', /settings:write/);
    await expectTRPCError(h.caller(staff, { tenantId: store.id }).pages.list(), 'FORBIDDEN');
  });
});

describe('pages on the storefront', () => {
  it("puts the store's contact details in the footer", async () => {
    expect((await shopper().storefront.footer()).contact).toEqual({ email: null, phone: null, address: null });
    await asOwner().tenant.settings.update({ contact: { email: 'shop@pages.example', phone: '+55 11 5555-0000', address: 'Rua B, 2' } });
    expect((await shopper().storefront.footer()).contact).toEqual({ email: 'shop@pages.example', phone: '+55 11 5555-0000', address: 'Rua B, 2' });
  });

  it('shows published pages and lists them for the footer; hides unpublished ones', async () => {
    await asOwner().pages.save({ slug: 'about', title: 'About us', body: 'We sell tea.' });
    await asOwner().pages.save({ slug: 'privacy', title: 'Privacy', body: 'Draft', published: false });
    expect(await shopper().storefront.page({ slug: 'about' })).toEqual({ slug: 'about', title: 'About us', body: 'We sell tea.' });
    expect((await shopper().storefront.footer()).pages).toEqual([
      { slug: 'about', title: 'About us' },
      { slug: 'returns', title: 'Returns policy' },
    ]);
    await expectTRPCError(shopper().storefront.page({ slug: 'privacy' }), 'NOT_FOUND');
    await expectTRPCError(shopper().storefront.page({ slug: 'nothing-here' }), 'NOT_FOUND');
  });
});
