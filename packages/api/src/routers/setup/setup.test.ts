import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptSecret } from '@vitrine/core/crypto';
import type { SessionUser } from '../../context.ts';
import { createApiHarness, PLATFORM_DOMAIN, type ApiHarness } from '../../test-support/harness.ts';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { stripeSecretAad } from './payments.ts';

let h: ApiHarness;
let owner: SessionUser;
let staff: SessionUser;
let catalogOnly: SessionUser;
let store: { id: string; slug: string; hostname: string };

beforeAll(async () => {
  h = await createApiHarness('setup');
  owner = await h.createUser('owner');
  staff = await h.createUser('staff');
  catalogOnly = await h.createUser('catalog-only');
  store = await h.createStore(owner, 'ana-shop', 'Ana Shop');
  await h.addMember(store.id, staff, 'STAFF', ['settings']);
  await h.addMember(store.id, catalogOnly, 'STAFF', ['catalog']);
});
afterAll(() => h?.close());

const asOwner = () => h.caller(owner, { tenantId: store.id });
const visitor = (host: string) => h.caller(null, { host });

describe('setup wizard', () => {
  it('starts at identity with every step to do', async () => {
    const progress = await asOwner().setup.progress();
    expect(progress.nextStep).toBe('identity');
    expect(progress.steps.every((s) => s.status === 'todo')).toBe(true);
    expect(progress.readyToSell).toBe(false);
  });

  it('checks store addresses while typing: reserved, taken, malformed, free, and its own', async () => {
    await h.createStore(owner, 'taken-shop');
    const check = (slug: string) => asOwner().setup.slugAvailable({ slug });
    expect(await check('admin')).toMatchObject({ available: false, problem: expect.stringMatching(/reserved/) });
    expect(await check('taken-shop')).toMatchObject({ available: false, problem: expect.stringMatching(/already taken/) });
    expect(await check('Bad Slug')).toMatchObject({ available: false });
    expect(await check('brand-new-shop')).toMatchObject({ available: true, problem: null });
    expect(await check('ana-shop')).toMatchObject({ available: true });
  });

  it('saves identity, moves the subdomain and drops the cached old address', async () => {
    await asOwner().setup.publish({ published: true });
    expect((await visitor(store.hostname).storefront.store()).name).toBe('Ana Shop');

    const saved = await asOwner().setup.identity({ name: 'Ana Atelier', slug: 'ana-atelier', primaryColor: '#7a2e4f', accentColor: '#f2c14e' });
    expect(saved.hostname).toBe(`ana-atelier.${PLATFORM_DOMAIN}`);
    const shown = await visitor(`ana-atelier.${PLATFORM_DOMAIN}`).storefront.store();
    expect(shown).toMatchObject({ name: 'Ana Atelier', branding: { primaryColor: '#7a2e4f', accentColor: '#f2c14e' } });
    await expectTRPCError(visitor(store.hostname).storefront.store(), 'NOT_FOUND');
    store = { ...store, slug: 'ana-atelier', hostname: saved.hostname };
    expect((await h.auditRows(store.id, 'setup.identity_saved')).length).toBe(1);
    expect((await asOwner().setup.progress()).nextStep).toBe('theme');
  });

  it('refuses a taken or reserved address and bad colours with sentences, changing nothing', async () => {
    const base = { name: 'X shop', primaryColor: '#000000', accentColor: '#ffffff' };
    await expectTRPCError(asOwner().setup.identity({ ...base, slug: 'taken-shop' }), 'CONFLICT', /already taken/);
    await expectTRPCError(asOwner().setup.identity({ ...base, slug: 'checkout' }), 'BAD_REQUEST', /reserved/);
    await expectTRPCError(asOwner().setup.identity({ ...base, slug: 'fine-name', primaryColor: 'red' }), 'BAD_REQUEST', /colour/);
    expect((await visitor(store.hostname).storefront.store()).name).toBe('Ana Atelier');
  });

  it('applies a theme at once and previews another without saving it', async () => {
    await asOwner().setup.theme({ theme: 'boutique' });
    expect((await visitor(store.hostname).storefront.home()).store.theme).toBe('boutique');
    const preview = await asOwner().setup.preview({ theme: 'market' });
    expect(preview.store.theme).toBe('market');
    expect((await visitor(store.hostname).storefront.home()).store.theme).toBe('boutique');
    await expectTRPCError(asOwner().setup.theme({ theme: 'neon' as 'classic' }), 'BAD_REQUEST', /available themes/);
  });

  it('previews an unpublished store for its members only', async () => {
    const other = await h.createUser('outsider');
    await asOwner().setup.publish({ published: false });
    await expectTRPCError(visitor(store.hostname).storefront.home(), 'NOT_FOUND', /not published/);
    expect((await asOwner().setup.preview({})).store.name).toBe('Ana Atelier');
    await expectTRPCError(h.caller(other, { tenantId: store.id }).setup.preview({}), 'FORBIDDEN');
  });

  it('saves the market and refuses unknown countries', async () => {
    await asOwner().setup.market({ niche: 'fashion', country: 'ES', currency: 'EUR', locale: 'es' });
    const settings = await asOwner().tenant.settings.get();
    expect(settings.tenant).toMatchObject({ country: 'ES', currency: 'EUR', locale: 'es' });
    expect((await asOwner().setup.progress()).niche).toBe('fashion');
    await expectTRPCError(asOwner().setup.market({ niche: 'fashion', country: 'ZZ', currency: 'EUR', locale: 'es' }), 'BAD_REQUEST', /country/);
  });

  it('creates the first product with size × colour variants and SKUs, on sale at once', async () => {
    const product = await asOwner().setup.product({
      title: 'Linen Shirt',
      description: 'Light and fresh.',
      priceAmount: 4900,
      stock: 3,
      options: [
        { name: 'Size', values: ['S', 'M'] },
        { name: 'Colour', values: ['Sand', 'Sky blue'] },
      ],
    });
    expect(product.status).toBe('ACTIVE');
    expect(product.variants.map((v) => v.sku)).toEqual(['LINEN-SHIRT-S-SAND', 'LINEN-SHIRT-S-SKY-BLUE', 'LINEN-SHIRT-M-SAND', 'LINEN-SHIRT-M-SKY-BLUE']);
    expect(product.variants[1]).toMatchObject({ title: 'S / Sky blue', attributes: { Size: 'S', Colour: 'Sky blue' }, priceAmount: 4900, currency: 'EUR', stock: 3 });
    await expectTRPCError(
      asOwner().setup.product({ title: 'Bad', priceAmount: -1, stock: 1, options: [] }),
      'BAD_REQUEST',
      /cannot be negative/,
    );
    await expectTRPCError(
      asOwner().setup.product({ title: 'Dup', priceAmount: 1, stock: 1, options: [{ name: 'Size', values: ['M', 'm'] }] }),
      'BAD_REQUEST',
      /must be different/,
    );
  });

  it('needs catalog:write for the product step, settings for the others', async () => {
    await expectTRPCError(
      h.caller(staff, { tenantId: store.id }).setup.product({ title: 'T', priceAmount: 1, stock: 1, options: [] }),
      'FORBIDDEN',
      /catalog:write/,
    );
    await expectTRPCError(h.caller(catalogOnly, { tenantId: store.id }).setup.theme({ theme: 'classic' }), 'FORBIDDEN', /settings:write/);
    await expectTRPCError(h.caller(catalogOnly, { tenantId: store.id }).setup.progress(), 'FORBIDDEN');
    expect((await h.caller(staff, { tenantId: store.id }).setup.progress()).nextStep).toBe('payments');
  });

  it('skipping payments leaves the store not ready to sell', async () => {
    const skipped = await asOwner().setup.payments.skip();
    expect(skipped).toMatchObject({ readyToSell: false, provider: null });
    const progress = await asOwner().setup.progress();
    expect(progress.steps.find((s) => s.step === 'payments')?.status).toBe('skipped');
    expect(progress).toMatchObject({ readyToSell: false, nextStep: 'shipping' });
  });

  it('seals the Stripe secret and only ever shows its last four characters', async () => {
    const secretKey = 'sk_test_51Abcdefghijklmnop9876';
    const saved = await asOwner().setup.payments.saveStripe({ publishableKey: 'pk_test_51Abcdefghijklmnop', secretKey });
    expect(saved).toEqual({ provider: 'stripe', readyToSell: true, publishableKey: 'pk_test_51Abcdefghijklmnop', secretKeyHint: 'sk_test_…9876', webhookSecretSet: false });
    expect(JSON.stringify(await asOwner().setup.payments.get())).not.toContain(secretKey);
    const row = await h.owner.paymentSettings.findUniqueOrThrow({ where: { tenantId: store.id } });
    expect(row.stripeSecretKeyEnc).not.toContain(secretKey);
    expect(decryptSecret(row.stripeSecretKeyEnc, h.db.keyRing, stripeSecretAad(store.id))).toBe(secretKey);
    expect(JSON.stringify(await h.auditRows(store.id, 'setup.payments_saved'))).not.toContain(secretKey);
    expect((await asOwner().setup.progress()).steps.find((s) => s.step === 'payments')?.status).toBe('done');
    await expectTRPCError(
      asOwner().setup.payments.saveStripe({ publishableKey: 'pk_live_51Abcdefghijklmnop', secretKey }),
      'BAD_REQUEST',
      /same mode/,
    );
    await expectTRPCError(asOwner().setup.payments.saveStripe({ publishableKey: 'nope', secretKey }), 'BAD_REQUEST', /pk_test_/);
  });

  it('saves shipping bands and pickup, refusing overlaps and negative prices', async () => {
    const rates = await asOwner().setup.shipping.save({
      basis: 'ORDER_VALUE',
      bands: [
        { name: 'Free over 100', minValue: 10000, maxValue: null, priceAmount: 0 },
        { name: 'Standard', minValue: 0, maxValue: 10000, priceAmount: 990 },
      ],
      pickup: { name: 'Rua das Flores 10', priceAmount: 0 },
    });
    expect(rates.bands.map((b) => b.name)).toEqual(['Standard', 'Free over 100']);
    expect(rates.pickup).toEqual({ name: 'Rua das Flores 10', priceAmount: 0 });
    await expectTRPCError(
      asOwner().setup.shipping.save({
        basis: 'WEIGHT',
        bands: [
          { name: 'Light', minValue: 0, maxValue: 1000, priceAmount: 500 },
          { name: 'Heavy', minValue: 900, maxValue: null, priceAmount: 900 },
        ],
        pickup: null,
      }),
      'BAD_REQUEST',
      /overlaps \W+Light/,
    );
    await expectTRPCError(
      asOwner().setup.shipping.save({ basis: 'WEIGHT', bands: [{ name: 'A', minValue: 0, maxValue: null, priceAmount: -5 }], pickup: null }),
      'BAD_REQUEST',
      /cannot be negative/,
    );
    await expectTRPCError(asOwner().setup.shipping.save({ basis: 'WEIGHT', bands: [], pickup: null }), 'BAD_REQUEST', /at least one/);
    expect((await asOwner().setup.shipping.get()).bands).toHaveLength(2);
  });

  it('shows the subdomain and a custom domain with its DNS records, pending verification', async () => {
    const domains = await asOwner().setup.domain.addCustom({ hostname: 'Shop.Ana-Atelier.example' });
    expect(domains.subdomain).toBe(`ana-atelier.${PLATFORM_DOMAIN}`);
    expect(domains.custom).toEqual([
      expect.objectContaining({
        hostname: 'shop.ana-atelier.example',
        verification: 'PENDING',
        records: [
          { type: 'CNAME', name: 'shop.ana-atelier.example', value: `ana-atelier.${PLATFORM_DOMAIN}` },
          { type: 'TXT', name: '_vitrine-verify.shop.ana-atelier.example', value: expect.stringMatching(/^vitrine-verify=[0-9a-f]{32}$/) },
        ],
      }),
    ]);
    await expectTRPCError(asOwner().setup.domain.addCustom({ hostname: 'shop.ana-atelier.example' }), 'CONFLICT', /already connected/);
    await expectTRPCError(asOwner().setup.domain.addCustom({ hostname: `x.${PLATFORM_DOMAIN}` }), 'BAD_REQUEST', /platform/);
    await expectTRPCError(asOwner().setup.domain.addCustom({ hostname: 'https://x.com/' }), 'BAD_REQUEST', /shop.example.com/);
    // A pending domain does not serve the store yet.
    await expectTRPCError(visitor('shop.ana-atelier.example').storefront.store(), 'NOT_FOUND');
  });

  it('publishes: the storefront shows the store at once, and the wizard is finished', async () => {
    const published = await asOwner().setup.publish({ published: true });
    expect(published.published).toBe(true);
    const home = await visitor(store.hostname).storefront.home();
    expect(home.store).toMatchObject({ name: 'Ana Atelier', theme: 'boutique', readyToSell: true });
    expect(home.products.items.map((p) => p.title)).toEqual(['Linen Shirt']);
    const progress = await asOwner().setup.progress();
    expect(progress).toMatchObject({ nextStep: null, published: true });
    expect(progress.steps.every((s) => s.status === 'done')).toBe(true);
  });

  it('a product without options gets one variant with a free SKU from its title', async () => {
    const first = await asOwner().setup.product({ title: 'Café Mug', priceAmount: 1200, stock: 2, options: [] });
    const second = await asOwner().setup.product({ title: 'Café Mug', priceAmount: 1300, stock: 1, options: [] });
    expect(first.variants.map((v) => v.sku)).toEqual(['CAFE-MUG']);
    expect(second.variants.map((v) => v.sku)).toEqual(['CAFE-MUG-2']);
  });
});
