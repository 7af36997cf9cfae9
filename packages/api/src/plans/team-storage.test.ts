import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUploadKey, processImageUpload, storeImage } from '@vitrine/media/images';
import { LocalDiskStorage } from '@vitrine/media/storage';
import type { SessionUser } from '../context.ts';
import { expectTRPCError } from '../test-support/expect-error.ts';
import { createApiHarness, type ApiHarness } from '../test-support/harness.ts';
import { planLimitOf, storedImageBytes } from './index.ts';

/** Team seats (members + pending invitations) and image storage against the plan. */
let h: ApiHarness;
let owner: SessionUser;
let storageDir: string;
let storage: LocalDiskStorage;

beforeAll(async () => {
  storageDir = await mkdtemp(join(tmpdir(), 'vitrine-plan-'));
  storage = new LocalDiskStorage({ root: storageDir, publicBaseUrl: '/media' });
  h = await createApiHarness('plan_team_storage', { storage });
  owner = await h.createUser('plan-team-owner');
});
afterAll(async () => {
  await h?.close();
  await rm(storageDir, { recursive: true, force: true });
});

async function newStore(slug: string, plan: string) {
  const store = await h.createStore(owner, slug);
  await h.setPlan(store.id, plan);
  return { ...store, as: () => h.caller(owner, { tenantId: store.id }) };
}

/** The token of the newest invitation email sent to `to`. */
async function tokenFor(to: string) {
  const rows = await h.owner.outboxJob.findMany({ where: { queue: 'email', name: 'email.send' }, orderBy: { createdAt: 'asc' } });
  const email = rows.map((r) => r.payload as { to: string; text: string }).filter((p) => p.to === to).at(-1)!;
  return /\/invitations\/(inv_[^\s"<]+)/.exec(email.text)![1]!;
}

describe('team seats', () => {
  const invite = (store: { as: () => ReturnType<ApiHarness['caller']> }, email: string) => store.as().team.invite({ email, role: 'STAFF', permissions: ['catalog'] });

  it('a Free store is its owner alone: an invitation is refused, naming Basic', async () => {
    const store = await newStore('seats-free', 'free');
    const error = await expectTRPCError(
      invite(store, 'first@example.test'),
      'FORBIDDEN',
      /^Your Free plan allows 1 team member \(pending invitations included\)\. Upgrade to Basic to have up to 3\.$/,
    );
    expect(planLimitOf(error)).toEqual({ key: 'staffUsers', limit: 1, used: 1, adding: 1, plan: 'free', upgradeTo: 'basic' });
  });

  it('Basic: the 3rd seat is given (a pending invitation holds it), the 4th refused; revoking frees it; accepting keeps it', async () => {
    const store = await newStore('seats-basic', 'basic');
    const member = await h.createUser('seat-member');
    await h.addMember(store.id, member, 'STAFF', ['catalog']);
    const third = await h.createUser('seat-third');
    const pending = await invite(store, third.email);
    await expectTRPCError(invite(store, 'fourth@example.test'), 'FORBIDDEN', /^Your Basic plan allows 3 team members \(pending invitations included\)\. Upgrade to Pro to have up to 15\.$/);

    await store.as().team.revoke({ invitationId: pending.id });
    await invite(store, third.email);
    await expect(h.caller(third).team.invitation.accept({ token: await tokenFor(third.email) })).resolves.toMatchObject({ role: 'STAFF' });
    await expectTRPCError(invite(store, 'fourth@example.test'), 'FORBIDDEN', /allows 3 team members/);
    const tdb = await h.db.forTenant(store.id);
    expect(await tdb.membership.count()).toBe(3);
    expect((await store.as().billing.usage()).meters.find((m) => m.key === 'staffUsers')).toMatchObject({ used: 3, limit: 3, percent: 100, reached: true });
  });

  it('an invitation sent on a bigger plan cannot be accepted once the store is past its new plan', async () => {
    const store = await newStore('seats-downgrade', 'basic');
    const person = await h.createUser('seat-late');
    await invite(store, person.email);
    await h.setPlan(store.id, 'free');
    await expectTRPCError(h.caller(person).team.invitation.accept({ token: await tokenFor(person.email) }), 'FORBIDDEN', /Your Free plan allows 1 team member/);
    const tdb = await h.db.forTenant(store.id);
    expect(await tdb.membership.count()).toBe(1);
  });

  it('two invitations racing for the last seat: exactly one is sent', async () => {
    const store = await newStore('seats-race', 'basic');
    await invite(store, 'seat-one@example.test');
    const results = await Promise.allSettled([invite(store, 'race-a@example.test'), invite(store, 'race-b@example.test')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const tdb = await h.db.forTenant(store.id);
    expect(await tdb.invitation.count({ where: { revokedAt: null } })).toBe(2);
  });
});

describe('image storage', () => {
  const MB = 1024 * 1024;
  const upload = async (tenantId: string, width = 600) => {
    const png = await sharp({ create: { width, height: width / 2, channels: 3, background: '#884422' } }).png().toBuffer();
    return storeImage(storage, newUploadKey(tenantId, 'product'), await processImageUpload(png));
  };

  it('an image that fills the 500 MB of a Free store exactly is attached; the next one is refused, naming Basic', async () => {
    const store = await newStore('storage-free', 'free');
    const c = store.as();
    const product = await c.catalog.products.create({ title: 'Framed', variants: [{ sku: 'FRAME-1', priceAmount: 1 }] });
    const photo = await upload(store.id);
    const bytes = await storedImageBytes(storage, photo);
    expect(bytes).toBeGreaterThan(100);
    // What the store already stores: all but this photo's bytes.
    const tdb = await h.db.forTenant(store.id);
    await tdb.productImage.create({ data: { tenantId: store.id, productId: product.id, storageKey: 'fixtures/earlier', sizeBytes: 500 * MB - bytes } });

    const image = await c.catalog.images.add({ productId: product.id, key: photo.key });
    expect(image.sizeBytes).toBe(bytes);
    const usage = await c.billing.usage();
    expect(usage.meters.find((m) => m.key === 'storageMb')).toMatchObject({ used: 500, limit: 500, percent: 100, reached: true });

    const next = await upload(store.id, 300);
    const sentence = /^Your Free plan allows 500 MB of image storage\. Upgrade to Basic to store up to 5,000 MB\.$/;
    const error = await expectTRPCError(c.catalog.images.add({ productId: product.id, key: next.key }), 'FORBIDDEN', sentence);
    expect(planLimitOf(error)).toMatchObject({ key: 'storageMb', limit: 500, used: 500, plan: 'free', upgradeTo: 'basic' });
    await expectTRPCError(c.catalog.products.create({ title: 'With photo', variants: [{ sku: 'PH-2', priceAmount: 1 }], images: [{ key: next.key }] }), 'FORBIDDEN', sentence);
    // The upload route asks before storing a processed image; asking without a size only checks the permission.
    await expectTRPCError(c.catalog.images.uploadTarget({ bytes: 1 }), 'FORBIDDEN', sentence);
    await expect(c.catalog.images.uploadTarget()).resolves.toEqual({ tenantId: store.id });
    expect(await tdb.productImage.count({ where: { storageKey: next.key } })).toBe(0);

    // Deleting an image gives its bytes back.
    await c.catalog.images.delete({ id: image.id });
    await expect(c.catalog.images.add({ productId: product.id, key: next.key })).resolves.toMatchObject({ sizeBytes: await storedImageBytes(storage, next) });
  });

  it("isolation: another store's images never count", async () => {
    const full = await newStore('storage-full', 'free');
    const other = await newStore('storage-other', 'free');
    const product = await full.as().catalog.products.create({ title: 'Heavy', variants: [{ sku: 'HEAVY-1', priceAmount: 1 }] });
    const tdb = await h.db.forTenant(full.id);
    await tdb.productImage.create({ data: { tenantId: full.id, productId: product.id, storageKey: 'fixtures/heavy', sizeBytes: 500 * MB } });
    await expectTRPCError(full.as().catalog.images.uploadTarget({ bytes: 1 }), 'FORBIDDEN', /500 MB/);
    await expect(other.as().catalog.images.uploadTarget({ bytes: 1 })).resolves.toEqual({ tenantId: other.id });
    expect((await other.as().billing.usage()).meters.find((m) => m.key === 'storageMb')).toMatchObject({ used: 0, reached: false });
  });
});
