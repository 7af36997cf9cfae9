import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { openShop, placeOrderFor, type TestShop } from '../checkout/test-shop.ts';
import { lastBuyerEmail } from './test-support.ts';

/**
 * Each store's buyer accounts are its own: an account, session, address, email link or order of store A is never
 * reachable through store B's host, whatever id or token is sent.
 */
let h: ApiHarness;
let shopA: TestShop;
let shopB: TestShop;

beforeAll(async () => {
  h = await createApiHarness('buyer_account_iso');
  shopA = await openShop(h, 'buyer-iso-a');
  shopB = await openShop(h, 'buyer-iso-b');
});
afterAll(() => h?.close());

const PASSWORD = 'a-good-password-1';
const EMAIL = 'same-person@buyer.test';

describe('buyer accounts are per store', () => {
  it('an account of store A cannot sign in, read or change anything on store B’s host', async () => {
    const a = shopA.visitor().buyerAccount;
    const b = shopB.visitor().buyerAccount;
    await placeOrderFor(shopA, [{ variantId: shopA.variants.mug, quantity: 1 }], { email: EMAIL });
    await placeOrderFor(shopB, [{ variantId: shopB.variants.mug, quantity: 1 }], { email: EMAIL });

    const onA = await a.signUp({ email: EMAIL, password: PASSWORD, name: 'Ana A' });
    const verifyA = await lastBuyerEmail(h, EMAIL, 'buyer.verify');
    expect(verifyA.tenantId).toBe(shopA.id);
    const address = await a.addresses.create({ sessionToken: onA.sessionToken, address: { name: 'Ana', line1: 'Rua A 1', city: 'SP', postalCode: '1', country: 'BR' } });

    // Store A's email link does nothing at store B.
    await expectTRPCError(b.verifyEmail({ token: verifyA.token }), 'BAD_REQUEST');
    await a.verifyEmail({ token: verifyA.token });

    // No account at B: signing in there fails, and A's session means nothing at B.
    await expectTRPCError(b.signIn({ email: EMAIL, password: PASSWORD }), 'UNAUTHORIZED');
    const token = onA.sessionToken;
    await expectTRPCError(b.me({ sessionToken: token }), 'UNAUTHORIZED');
    await expectTRPCError(b.orderHistory({ sessionToken: token }), 'UNAUTHORIZED');
    await expectTRPCError(b.exportMyData({ sessionToken: token }), 'UNAUTHORIZED');
    await expectTRPCError(b.addresses.list({ sessionToken: token }), 'UNAUTHORIZED');
    await expectTRPCError(b.deleteMyData({ sessionToken: token, password: PASSWORD, confirm: true }), 'UNAUTHORIZED');
    await expectTRPCError(b.signOut({ sessionToken: token }), 'UNAUTHORIZED');
    await expect(b.requestPasswordReset({ email: EMAIL })).resolves.toEqual({ sent: true });
    expect(await h.owner.outboxJob.count({ where: { tenantId: shopB.id, name: 'email.send' } })).toBe(0);

    // The same email signs up separately at B; B's account sees B's orders only, and not A's addresses by id.
    const onB = await b.signUp({ email: EMAIL, password: 'another-password-2', name: 'Ana B' });
    await b.verifyEmail({ token: (await lastBuyerEmail(h, EMAIL, 'buyer.verify')).token });
    const historyA = await a.orderHistory({ sessionToken: onA.sessionToken });
    const historyB = await b.orderHistory({ sessionToken: onB.sessionToken });
    expect(historyA.orders).toHaveLength(1);
    expect(historyB.orders).toHaveLength(1);
    expect(historyB.orders[0]!.trackingPath).not.toBe(historyA.orders[0]!.trackingPath);
    expect(await b.addresses.list({ sessionToken: onB.sessionToken })).toEqual([]);
    await expectTRPCError(b.addresses.update({ sessionToken: onB.sessionToken, addressId: address.id, address: { name: 'X', line1: 'X', city: 'X', postalCode: '1', country: 'BR' } }), 'NOT_FOUND');
    await expectTRPCError(b.addresses.remove({ sessionToken: onB.sessionToken, addressId: address.id }), 'NOT_FOUND');
    await expectTRPCError(b.addresses.setDefault({ sessionToken: onB.sessionToken, addressId: address.id }), 'NOT_FOUND');
    // A's password does not open B's account, and B's session does not open A's.
    await expectTRPCError(b.signIn({ email: EMAIL, password: PASSWORD }), 'UNAUTHORIZED');
    await expectTRPCError(a.me({ sessionToken: onB.sessionToken }), 'UNAUTHORIZED');

    // Deleting at B anonymises B's order only and leaves A's account, address and order as they were.
    await b.deleteMyData({ sessionToken: onB.sessionToken, password: 'another-password-2', confirm: true });
    await expect(a.me({ sessionToken: onA.sessionToken })).resolves.toMatchObject({ email: EMAIL, name: 'Ana A' });
    expect((await a.addresses.list({ sessionToken: onA.sessionToken })).map((x) => x.id)).toEqual([address.id]);
    const left = await a.exportMyData({ sessionToken: onA.sessionToken });
    expect(left.orders.map((o) => o.buyerEmail)).toEqual([EMAIL]);
    expect(await h.auditRows(shopA.id, 'buyer.data_deleted')).toEqual([]);
    expect(await h.auditRows(shopB.id, 'buyer.data_deleted')).toHaveLength(1);
  });

  it('a tenant admin’s session is not a buyer session', async () => {
    const admin = h.caller(shopA.owner, { host: shopA.hostname, tenantId: shopA.id });
    await expectTRPCError(admin.buyerAccount.me({ sessionToken: 'y'.repeat(43) }), 'UNAUTHORIZED');
  });
});
