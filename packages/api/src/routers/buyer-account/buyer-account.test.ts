import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectTRPCError } from '../../test-support/expect-error.ts';
import { createApiHarness, type ApiHarness } from '../../test-support/harness.ts';
import { openShop, placeOrderFor, type TestShop } from '../checkout/test-shop.ts';
import { BUYER_SIGN_IN_LIMIT } from './limiter.ts';
import { tokenHash } from './session.ts';
import { lastBuyerEmail } from './test-support.ts';

let h: ApiHarness;
let shop: TestShop;

beforeAll(async () => {
  h = await createApiHarness('buyer_account');
  shop = await openShop(h, 'buyers');
});
afterAll(() => h?.close());

const visitor = () => shop.visitor();
const PASSWORD = 'a-good-password-1';
let n = 0;
const newEmail = (label: string) => `${label}-${++n}@buyer.test`;

async function signUp(email: string, name = 'Ana Buyer') {
  return visitor().buyerAccount.signUp({ email, password: PASSWORD, name, language: 'pt-BR' });
}

describe('sign-up, verification and sign-in', () => {
  it('signs up (case-insensitive email), sends the verification email in the buyer’s language and the store’s name, verifies once, signs in', async () => {
    const email = newEmail('ana');
    const created = await signUp(email.toUpperCase());
    expect(created.account).toMatchObject({ email, name: 'Ana Buyer', emailVerified: false });
    expect(created.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash of the session token is stored.
    const tdb = await h.db.forTenant(shop.id);
    const session = await tdb.buyerSession.findFirstOrThrow({ where: { accountId: created.account.id } });
    expect(session.tokenHash).toBe(tokenHash(created.sessionToken));
    expect(session.tokenHash).not.toContain(created.sessionToken);

    const mail = await lastBuyerEmail(h, email, 'buyer.verify');
    expect(mail.subject).toBe(`Confirme seu e-mail na Store buyers`);
    expect(mail.text).toContain(`http://${shop.hostname}/account/verify?token=`);
    expect(mail.tenantId).toBe(shop.id);

    const me = visitor().buyerAccount.me({ sessionToken: created.sessionToken });
    await expect(me).resolves.toMatchObject({ emailVerified: false });
    await expect(visitor().buyerAccount.verifyEmail({ token: mail.token })).resolves.toMatchObject({ verified: true, email });
    await expectTRPCError(visitor().buyerAccount.verifyEmail({ token: mail.token }), 'BAD_REQUEST', /already used/);

    const signedIn = await visitor().buyerAccount.signIn({ email: `  ${email.toUpperCase()} `, password: PASSWORD });
    expect(signedIn.account).toMatchObject({ email, emailVerified: true });
    await expect(visitor().buyerAccount.me({ sessionToken: signedIn.sessionToken })).resolves.toMatchObject({ email });
  });

  it('refuses a second account with the same email at the same store, whatever the case', async () => {
    const email = newEmail('dup');
    await signUp(email);
    await expectTRPCError(signUp(email.toUpperCase()), 'CONFLICT', /already exists at this store/);
  });

  it('refuses a wrong password and an unknown email with the same sentence', async () => {
    const email = newEmail('wrong');
    await signUp(email);
    await expectTRPCError(visitor().buyerAccount.signIn({ email, password: 'not-the-password' }), 'UNAUTHORIZED', /^The email or password is not correct\.$/);
    await expectTRPCError(visitor().buyerAccount.signIn({ email: newEmail('nobody'), password: PASSWORD }), 'UNAUTHORIZED', /^The email or password is not correct\.$/);
  });

  it('refuses a short password and a malformed email beside their fields', async () => {
    const error = await expectTRPCError(visitor().buyerAccount.signUp({ email: 'not-an-email', password: 'short', name: 'X' }), 'BAD_REQUEST');
    const paths = ((error.cause as { issues?: { path: string[] }[] })?.issues ?? []).map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('rate-limits sign-in per IP and account: after the allowance even the right password waits, with a clear sentence', async () => {
    const email = newEmail('limited');
    await signUp(email);
    for (let i = 0; i < BUYER_SIGN_IN_LIMIT.perIpAndEmail; i += 1) {
      await expectTRPCError(visitor().buyerAccount.signIn({ email, password: 'wrong-password-x' }), 'UNAUTHORIZED');
    }
    await expectTRPCError(visitor().buyerAccount.signIn({ email, password: PASSWORD }), 'TOO_MANY_REQUESTS', /Too many sign-in attempts\. Try again in 15 minutes\./);
    // Another account from the same address is still allowed (the per-IP allowance is larger).
    const other = newEmail('other');
    await signUp(other);
    await expect(visitor().buyerAccount.signIn({ email: other, password: PASSWORD })).resolves.toMatchObject({ account: { email: other } });
  });

  it('signs out: the session stops working; an unknown or malformed token is UNAUTHORIZED', async () => {
    const { sessionToken } = await signUp(newEmail('out'));
    await visitor().buyerAccount.signOut({ sessionToken });
    await expectTRPCError(visitor().buyerAccount.me({ sessionToken }), 'UNAUTHORIZED', /sign in/);
    await expectTRPCError(visitor().buyerAccount.me({ sessionToken: 'x'.repeat(43) }), 'UNAUTHORIZED');
    await expectTRPCError(visitor().buyerAccount.me({ sessionToken: 'bad' }), 'BAD_REQUEST');
  });

  it('refuses an expired session', async () => {
    const { sessionToken, account } = await signUp(newEmail('expired'));
    await h.owner.buyerSession.updateMany({ where: { accountId: account.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectTRPCError(visitor().buyerAccount.me({ sessionToken }), 'UNAUTHORIZED');
  });
});

describe('password reset', () => {
  it('answers the same for unknown emails, and sends nothing then', async () => {
    const before = await h.owner.outboxJob.count();
    await expect(visitor().buyerAccount.requestPasswordReset({ email: newEmail('ghost') })).resolves.toEqual({ sent: true });
    expect(await h.owner.outboxJob.count()).toBe(before);
  });

  it('resets once with a link that works one time, revokes the sessions, and the old password stops working', async () => {
    const email = newEmail('reset');
    const { sessionToken } = await signUp(email);
    await visitor().buyerAccount.requestPasswordReset({ email, language: 'es' });
    const mail = await lastBuyerEmail(h, email, 'buyer.reset');
    expect(mail.subject).toBe('Restablece tu contraseña en Store buyers');
    expect(mail.text).toContain('/account/reset?token=');

    await expect(visitor().buyerAccount.resetPassword({ token: mail.token, password: 'a-new-password-2' })).resolves.toMatchObject({ reset: true, email });
    await expectTRPCError(visitor().buyerAccount.resetPassword({ token: mail.token, password: 'a-third-password-3' }), 'BAD_REQUEST', /already used/);
    await expectTRPCError(visitor().buyerAccount.me({ sessionToken }), 'UNAUTHORIZED');
    await expectTRPCError(visitor().buyerAccount.signIn({ email, password: PASSWORD }), 'UNAUTHORIZED');
    await expect(visitor().buyerAccount.signIn({ email, password: 'a-new-password-2' })).resolves.toMatchObject({ account: { emailVerified: true } });
  });

  it('refuses an expired link, and a newer link replaces an older one', async () => {
    const email = newEmail('expiring');
    await signUp(email);
    await visitor().buyerAccount.requestPasswordReset({ email });
    const first = await lastBuyerEmail(h, email, 'buyer.reset');
    await visitor().buyerAccount.requestPasswordReset({ email });
    const second = await lastBuyerEmail(h, email, 'buyer.reset');
    expect(second.token).not.toBe(first.token);
    await expectTRPCError(visitor().buyerAccount.resetPassword({ token: first.token, password: 'another-password-9' }), 'BAD_REQUEST', /expired or was already used/);

    await h.owner.buyerToken.updateMany({ where: { tokenHash: tokenHash(second.token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectTRPCError(visitor().buyerAccount.resetPassword({ token: second.token, password: 'another-password-9' }), 'BAD_REQUEST', /expired/);
    await expect(visitor().buyerAccount.signIn({ email, password: PASSWORD })).resolves.toBeTruthy();
  });

  it('a verification link cannot reset a password', async () => {
    const email = newEmail('kinds');
    await signUp(email);
    const verify = await lastBuyerEmail(h, email, 'buyer.verify');
    await expectTRPCError(visitor().buyerAccount.resetPassword({ token: verify.token, password: 'another-password-9' }), 'BAD_REQUEST');
  });
});

describe('addresses', () => {
  const address = (line1: string, isDefault?: boolean) => ({ name: 'Ana Buyer', line1, city: 'São Paulo', region: 'SP', postalCode: '01304-000', country: 'br', isDefault });

  it('keeps addresses with exactly one default; removing the default promotes the next', async () => {
    const { sessionToken } = await signUp(newEmail('addr'));
    const api = visitor().buyerAccount.addresses;
    const first = await api.create({ sessionToken, address: address('Rua A 1') });
    expect(first).toMatchObject({ isDefault: true, country: 'BR' });
    const second = await api.create({ sessionToken, address: address('Rua B 2', true) });
    expect(second.isDefault).toBe(true);
    let list = await api.list({ sessionToken });
    expect(list.map((a) => [a.line1, a.isDefault])).toEqual([['Rua B 2', true], ['Rua A 1', false]]);

    await api.setDefault({ sessionToken, addressId: first.id });
    await api.update({ sessionToken, addressId: second.id, address: { ...address('Rua B 22'), line2: 'apto 3' } });
    list = await api.list({ sessionToken });
    expect(list.map((a) => [a.line1, a.line2, a.isDefault])).toEqual([['Rua A 1', null, true], ['Rua B 22', 'apto 3', false]]);

    await api.remove({ sessionToken, addressId: first.id });
    list = await api.list({ sessionToken });
    expect(list.map((a) => [a.line1, a.isDefault])).toEqual([['Rua B 22', true]]);
  });

  it('another account of the same store cannot see, change or remove an address by its id', async () => {
    const mine = await signUp(newEmail('mine'));
    const theirs = await signUp(newEmail('theirs'));
    const api = visitor().buyerAccount.addresses;
    const addr = await api.create({ sessionToken: mine.sessionToken, address: address('Rua Minha 1') });
    expect(await api.list({ sessionToken: theirs.sessionToken })).toEqual([]);
    await expectTRPCError(api.update({ sessionToken: theirs.sessionToken, addressId: addr.id, address: address('Hacked') }), 'NOT_FOUND');
    await expectTRPCError(api.setDefault({ sessionToken: theirs.sessionToken, addressId: addr.id }), 'NOT_FOUND');
    await expectTRPCError(api.remove({ sessionToken: theirs.sessionToken, addressId: addr.id }), 'NOT_FOUND');
    expect((await api.list({ sessionToken: mine.sessionToken })).map((a) => a.line1)).toEqual(['Rua Minha 1']);
  });

  it('refuses an incomplete address beside its fields', async () => {
    const { sessionToken } = await signUp(newEmail('bad-addr'));
    const error = await expectTRPCError(
      visitor().buyerAccount.addresses.create({ sessionToken, address: { name: '', line1: '', city: 'X', postalCode: '1', country: 'Brazil' } }),
      'BAD_REQUEST',
    );
    const paths = ((error.cause as { issues?: { path: string[] }[] })?.issues ?? []).map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['address.name', 'address.line1', 'address.country']));
  });
});

describe('order history, export and deletion', () => {
  it('shows the store’s orders of the VERIFIED email only, newest first, with status and tracking link', async () => {
    const email = newEmail('orders');
    const first = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 1 }], { email });
    const second = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 2 }], { email, pickup: true });
    await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 1 }], { email: newEmail('someone-else') });

    const { sessionToken } = await signUp(email);
    await expect(visitor().buyerAccount.orderHistory({ sessionToken })).resolves.toEqual({ emailVerified: false, orders: [] });

    await visitor().buyerAccount.verifyEmail({ token: (await lastBuyerEmail(h, email, 'buyer.verify')).token });
    const history = await visitor().buyerAccount.orderHistory({ sessionToken });
    expect(history.emailVerified).toBe(true);
    expect(history.orders.map((o) => o.number)).toEqual([second.number, first.number]);
    expect(history.orders[0]).toMatchObject({ status: 'CREATED', itemCount: 2, totalAmount: second.total, trackingPath: `/orders/${second.trackingToken}` });
  });

  it('exports the account, addresses and orders as JSON, never the password hash', async () => {
    const email = newEmail('export');
    const order = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 1 }], { email });
    const { sessionToken } = await signUp(email, 'Eva Export');
    await visitor().buyerAccount.verifyEmail({ token: (await lastBuyerEmail(h, email, 'buyer.verify')).token });
    await visitor().buyerAccount.addresses.create({ sessionToken, address: { name: 'Eva', line1: 'Rua E 5', city: 'Rio', postalCode: '20000-000', country: 'BR' } });

    const data = await visitor().buyerAccount.exportMyData({ sessionToken });
    expect(data).toMatchObject({ format: 'vitrine.buyer-data', version: 1, store: { name: 'Store buyers' }, account: { email, name: 'Eva Export', emailVerified: true } });
    expect(data.addresses.map((a) => a.line1)).toEqual(['Rua E 5']);
    expect(data.orders).toHaveLength(1);
    expect(data.orders[0]).toMatchObject({ number: order.number, buyerEmail: email, totalAmount: order.total, items: [expect.objectContaining({ title: 'Mug', quantity: 1 })] });
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/argon2|passwordHash|password_hash|tokenHash/i);
  });

  it('deletes with the password: account, addresses and sessions gone; orders anonymised with totals and items kept; audited without personal data', async () => {
    const email = newEmail('delete');
    const order = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 3 }], { email });
    const otherOrder = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 1 }], { email: newEmail('bystander') });
    const { sessionToken, account } = await signUp(email, 'Dora Delete');
    await visitor().buyerAccount.verifyEmail({ token: (await lastBuyerEmail(h, email, 'buyer.verify')).token });
    await visitor().buyerAccount.addresses.create({ sessionToken, address: { name: 'Dora', line1: 'Rua D 4', city: 'Rio', postalCode: '20000-000', country: 'BR' } });
    const second = await visitor().buyerAccount.signIn({ email, password: PASSWORD });

    await expectTRPCError(visitor().buyerAccount.deleteMyData({ sessionToken, password: 'not-my-password', confirm: true }), 'BAD_REQUEST', /password is not correct/);
    await expectTRPCError(visitor().buyerAccount.deleteMyData({ sessionToken, password: PASSWORD, confirm: false as true }), 'BAD_REQUEST');
    const before = await h.owner.order.findUniqueOrThrow({ where: { id: order.orderId }, include: { items: true } });

    await expect(visitor().buyerAccount.deleteMyData({ sessionToken, password: PASSWORD, confirm: true })).resolves.toEqual({ deleted: true, ordersAnonymised: 1 });

    expect(await h.owner.buyerAccount.count({ where: { id: account.id } })).toBe(0);
    expect(await h.owner.buyerAddress.count({ where: { accountId: account.id } })).toBe(0);
    expect(await h.owner.buyerSession.count({ where: { accountId: account.id } })).toBe(0);
    await expectTRPCError(visitor().buyerAccount.me({ sessionToken: second.sessionToken }), 'UNAUTHORIZED');
    await expectTRPCError(visitor().buyerAccount.signIn({ email, password: PASSWORD }), 'UNAUTHORIZED');

    const after = await h.owner.order.findUniqueOrThrow({ where: { id: order.orderId }, include: { items: true } });
    expect(after).toMatchObject({
      buyerName: 'Deleted buyer',
      buyerPhone: null,
      totalAmount: before.totalAmount,
      subtotalAmount: before.subtotalAmount,
      shippingAmount: before.shippingAmount,
      taxAmount: before.taxAmount,
      number: before.number,
      status: before.status,
    });
    expect(after.buyerEmail).toMatch(/@deleted\.invalid$/);
    expect(after.shippingAddress).toEqual({ line1: '—', city: '—', postalCode: '—', country: 'BR', region: 'SP' });
    expect(after.items.map((i) => [i.title, i.quantity, i.lineTotalAmount])).toEqual(before.items.map((i) => [i.title, i.quantity, i.lineTotalAmount]));
    const bystander = await h.owner.order.findUniqueOrThrow({ where: { id: otherOrder.orderId } });
    expect(bystander.buyerName).toBe('Bia Buyer');

    const rows = await h.auditRows(shop.id, 'buyer.data_deleted');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ targetId: account.id, actorUserId: null, data: { ordersAnonymised: 1, addressesDeleted: 1 } });
    expect(JSON.stringify(rows[0])).not.toMatch(/delete-\d+@buyer|Dora|Rua D/);
  });

  it('an unverified account’s deletion leaves the orders of that email alone', async () => {
    const email = newEmail('squatter');
    const order = await placeOrderFor(shop, [{ variantId: shop.variants.mug, quantity: 1 }], { email });
    const { sessionToken } = await signUp(email);
    await expect(visitor().buyerAccount.deleteMyData({ sessionToken, password: PASSWORD, confirm: true })).resolves.toEqual({ deleted: true, ordersAnonymised: 0 });
    expect((await h.owner.order.findUniqueOrThrow({ where: { id: order.orderId } })).buyerEmail).toBe(email);
  });
});
