import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleStripeWebhook, processStripeEvent, stripeClient, type Stripe } from '@vitrine/payments';
import { PLATFORM_PLAN_PRICES, startStripeSandbox, type StripeSandbox } from '@vitrine/stripe-sandbox';
import type { SessionUser } from '../context.ts';
import { expectTRPCError } from '../test-support/expect-error.ts';
import { createApiHarness, type ApiHarness } from '../test-support/harness.ts';
import { twoStores, type TwoStores } from '../test-support/two-stores.ts';
import { restrictExpiredGracePeriods } from './dunning.ts';
import { billingStripeEventHandlers } from './stripe-events.ts';

/**
 * The whole billing path against the Stripe sandbox: the procedures call it through the SDK, its signed events
 * reach the real webhook intake (verify → store → outbox), and the stored events are processed by the billing
 * handlers exactly as the worker's stripe.event job does.
 */
const SECRET = 'whsec_billing_flow_tests';
const KEY = 'sk_test_billing_flow';
const GOOD_CARD = '4242424242424242';
const DECLINED_CARD = '4000000000000002';
const DAY = 86_400_000;

let h: ApiHarness;
let s: TwoStores;
let sandbox: StripeSandbox;
let server: Server;
let stripe: Stripe;
const savedEnv = { ...process.env };

beforeAll(async () => {
  h = await createApiHarness('billing_flow');
  s = await twoStores(h, 'billing-flow');
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void handleStripeWebhook(h.db, { rawBody: Buffer.concat(chunks), signature: (req.headers['stripe-signature'] as string) ?? null, secret: SECRET }).then((r) => {
        res.writeHead(r.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(r.body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/stripe`;
  sandbox = await startStripeSandbox({ secretKey: KEY, webhookUrl, webhookSecret: SECRET, webhookRetrySchedule: [50, 100], prices: PLATFORM_PLAN_PRICES });
  Object.assign(process.env, { STRIPE_SECRET_KEY: KEY, STRIPE_API_BASE: sandbox.url, BILLING_GRACE_DAYS: '7', APP_URL: 'http://vitrine.test' });
  stripe = stripeClient({ secretKey: KEY, apiBase: sandbox.url, maxNetworkRetries: 0 });
});

afterAll(async () => {
  process.env = savedEnv;
  await sandbox?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await h?.close();
});

/** Waits for the sandbox's deliveries, then processes every stored, unprocessed event in the order received. */
async function drain(): Promise<void> {
  await sandbox.deliveriesIdle();
  const rows = await h.db.platform.webhookEvent.findMany({ where: { processedAt: null }, orderBy: { receivedAt: 'asc' } });
  for (const row of rows) await processStripeEvent({ db: h.db, webhookEventId: row.id, handlers: billingStripeEventHandlers });
}

const control = async (path: string, body: object = {}) => {
  const response = await fetch(`${sandbox.url}/_sandbox${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json() as Promise<Record<string, unknown>>;
};

const tenantOf = (id: string) => h.owner.tenant.findUniqueOrThrow({ where: { id }, select: { planCode: true, status: true, billingStatus: true, trialEndsAt: true } });
const actions = async (tenantId: string) => (await h.auditRows(tenantId)).map((r) => r.action).filter((a) => a.startsWith('billing.'));
const billingEmails = (tenantId: string) =>
  h.owner.outboxJob.findMany({ where: { queue: 'email', name: 'email.send', tenantId, payload: { path: ['kind'], string_starts_with: 'billing.' } }, orderBy: { createdAt: 'asc' } });

/** Re-runs the billing handler of every stored event of the store, newest first, in platform transactions. */
async function replayAllBackwards(tenantId: string): Promise<string[]> {
  const rows = await h.db.platform.webhookEvent.findMany({ where: { tenantId }, orderBy: { receivedAt: 'desc' } });
  const notes: string[] = [];
  for (const row of rows) {
    const event = row.payload as unknown as Stripe.Event;
    const handler = billingStripeEventHandlers[event.type as 'invoice.paid'];
    if (!handler || handler.scope !== 'platform') continue;
    notes.push(String(await h.db.platform.$transaction((tx) => handler.handle({ event: event as never, tenantId, tx, db: h.db }))));
  }
  return notes;
}

describe('dunning: subscription → failed renewal → past due → grace over → restricted → paid → restored', () => {
  let owner: SessionUser;
  let store: { id: string };

  it('starts a Basic subscription with its trial; the customer carries the tenant id', async () => {
    owner = s.alice;
    store = s.storeA;
    const view = await s.asAlice().billing.subscribe({ planCode: 'basic', interval: 'month' });
    expect(view.subscription).toMatchObject({ status: 'trialing', planCode: 'basic', priceLookupKey: 'vitrine_basic_monthly', cancelAtPeriodEnd: false });
    expect(await tenantOf(store.id)).toMatchObject({ planCode: 'basic', status: 'TRIAL', billingStatus: 'CURRENT' });
    expect((await tenantOf(store.id)).trialEndsAt!.getTime()).toBeGreaterThan(Date.now() + 13 * DAY);

    const row = await h.owner.tenantSubscription.findUniqueOrThrow({ where: { tenantId: store.id } });
    const customer = (await stripe.customers.retrieve(row.stripeCustomerId)) as Stripe.Customer;
    expect(customer.metadata).toMatchObject({ tenant_id: store.id });
    const sub = await stripe.subscriptions.retrieve(row.stripeSubscriptionId!);
    expect(sub.metadata).toMatchObject({ tenant_id: store.id });

    await drain();
    expect(await actions(store.id)).toEqual(['billing.subscription.started']);
    const emails = await billingEmails(store.id);
    expect(emails.map((e) => (e.payload as { to: string; kind: string }).kind)).toEqual(['billing.started']);
    expect((emails[0]!.payload as { to: string }).to).toBe(owner.email);
    // The store speaks pt-BR (tenant.create's default): so does the email.
    expect((emails[0]!.payload as { subject: string }).subject).toMatch(/Sua assinatura do plano Basic começou/);
  });

  it('refuses a second subscription and unknown plans with sentences', async () => {
    await expectTRPCError(s.asAlice().billing.subscribe({ planCode: 'pro', interval: 'month' }), 'CONFLICT', /already has a subscription/);
    await expectTRPCError(s.asBob().billing.subscribe({ planCode: 'nope', interval: 'month' }), 'BAD_REQUEST', /no such plan/);
    await expectTRPCError(s.asBob().billing.subscribe({ planCode: 'basic', interval: 'year' }), 'BAD_REQUEST', /not sold yearly/);
    await expectTRPCError(s.asBob().billing.cancel(), 'PRECONDITION_FAILED', /no subscription yet/);
  });

  it('a paid renewal makes it active; a declined one makes the store PAST_DUE with a 7-day grace, still writable', async () => {
    const row = await h.owner.tenantSubscription.findUniqueOrThrow({ where: { tenantId: store.id } });
    await control(`/subscriptions/${row.stripeSubscriptionId}/advance`, { card: GOOD_CARD });
    await drain();
    expect(await tenantOf(store.id)).toMatchObject({ status: 'ACTIVE', billingStatus: 'CURRENT' });

    await control(`/subscriptions/${row.stripeSubscriptionId}/advance`, { card: DECLINED_CARD });
    await drain();
    expect(await tenantOf(store.id)).toMatchObject({ planCode: 'basic', billingStatus: 'PAST_DUE' });
    const pastDue = await h.owner.tenantSubscription.findUniqueOrThrow({ where: { tenantId: store.id } });
    expect(pastDue.status).toBe('past_due');
    expect(pastDue.graceEndsAt!.getTime() - pastDue.pastDueSince!.getTime()).toBe(7 * DAY);
    expect(await actions(store.id)).toEqual(['billing.subscription.started', 'billing.subscription.activated', 'billing.past_due']);
    await s.asAlice().catalog.products.create({ title: 'Still writable', variants: [{ sku: 'PAST-DUE-1', priceAmount: 100 }] });
  });

  it('the sweep restricts only once the grace period is over; then writes answer 402 and reads work', async () => {
    expect(await restrictExpiredGracePeriods(h.db, { now: new Date(Date.now() + 6 * DAY) })).toEqual([]);
    expect(await restrictExpiredGracePeriods(h.db, { now: new Date(Date.now() + 8 * DAY) })).toEqual([store.id]);
    expect(await restrictExpiredGracePeriods(h.db, { now: new Date(Date.now() + 9 * DAY) })).toEqual([]);
    expect(await tenantOf(store.id)).toMatchObject({ billingStatus: 'RESTRICTED' });
    expect(await s.asAlice().billing.standing()).toMatchObject({ billingStatus: 'RESTRICTED', restrictedAt: expect.any(Date) });

    const write = s.asAlice().catalog.products.create({ title: 'Blocked', variants: [{ sku: 'BLOCKED-1', priceAmount: 100 }] });
    await expectTRPCError(write, 'PAYMENT_REQUIRED', /read-only.*pay the open invoice/i);
    expect(Array.isArray(await s.asAlice().catalog.categories.list())).toBe(true);
    // Billing itself stays open, so the owner can pay.
    expect((await s.asAlice().billing.portal()).url).toMatch(/\/p\/session\//);
    // Another store is not affected.
    await s.asBob().catalog.products.create({ title: 'Bob writes', variants: [{ sku: 'BOB-1', priceAmount: 100 }] });
    expect((await billingEmails(store.id)).map((e) => (e.payload as { kind: string }).kind).at(-1)).toBe('billing.restricted');
  });

  it('paying the open invoice restores the store at once', async () => {
    const open = await stripe.invoices.list({ customer: (await h.owner.tenantSubscription.findUniqueOrThrow({ where: { tenantId: store.id } })).stripeCustomerId, status: 'open' });
    expect(open.data).toHaveLength(1);
    await control(`/invoices/${open.data[0]!.id}/pay`, { card: GOOD_CARD });
    await drain();
    expect(await tenantOf(store.id)).toMatchObject({ billingStatus: 'CURRENT', planCode: 'basic' });
    const row = await h.owner.tenantSubscription.findUniqueOrThrow({ where: { tenantId: store.id } });
    expect(row).toMatchObject({ status: 'active', pastDueSince: null, graceEndsAt: null, restrictedAt: null });
    expect(await actions(store.id)).toEqual(['billing.subscription.started', 'billing.subscription.activated', 'billing.past_due', 'billing.restricted', 'billing.restored']);
    await s.asAlice().catalog.products.create({ title: 'Writable again', variants: [{ sku: 'AGAIN-1', priceAmount: 100 }] });
  });

  it('replaying every event, newest first, changes nothing', async () => {
    const before = { tenant: await tenantOf(store.id), audit: await actions(store.id), emails: (await billingEmails(store.id)).length };
    const notes = await replayAllBackwards(store.id);
    expect(notes.length).toBeGreaterThanOrEqual(6);
    expect(notes.every((n) => /nothing changed/.test(n))).toBe(true);
    // A redelivered event id is dropped at the intake.
    for (const record of sandbox.events().slice(-3)) sandbox.resendEvent(record.event.id);
    await drain();
    expect({ tenant: await tenantOf(store.id), audit: await actions(store.id), emails: (await billingEmails(store.id)).length }).toEqual(before);
  });
});

describe('plan changes and cancellation', () => {
  it('an upgrade prorates: the next invoice carries proration lines, and the plan changes at once', async () => {
    const row = await h.owner.tenantSubscription.findUniqueOrThrow({ where: { tenantId: s.storeA.id } });
    const view = await s.asAlice().billing.changePlan({ planCode: 'pro', interval: 'month' });
    expect(view.subscription).toMatchObject({ planCode: 'pro', priceLookupKey: 'vitrine_pro_monthly' });
    expect(await tenantOf(s.storeA.id)).toMatchObject({ planCode: 'pro' });
    await expectTRPCError(s.asAlice().billing.changePlan({ planCode: 'pro', interval: 'month' }), 'CONFLICT', /already on this plan/);
    await drain();
    expect((await actions(s.storeA.id)).at(-1)).toBe('billing.plan.changed');

    await control(`/subscriptions/${row.stripeSubscriptionId}/advance`, { card: GOOD_CARD });
    await drain();
    const invoices = await s.asAlice().billing.invoices();
    expect(invoices[0]).toMatchObject({ status: 'paid', currency: 'BRL' });
    expect(invoices[0]!.prorations).toBe(2);
    expect(await tenantOf(s.storeA.id)).toMatchObject({ planCode: 'pro', billingStatus: 'CURRENT' });
  });

  it('cancel at period end can be undone; cancelled again, the period end moves the store to Free', async () => {
    const row = await h.owner.tenantSubscription.findUniqueOrThrow({ where: { tenantId: s.storeA.id } });
    expect((await s.asAlice().billing.cancel()).subscription?.cancelAtPeriodEnd).toBe(true);
    await expectTRPCError(s.asAlice().billing.cancel(), 'CONFLICT', /already set to end/);
    expect((await s.asAlice().billing.resume()).subscription?.cancelAtPeriodEnd).toBe(false);
    await s.asAlice().billing.cancel();
    await drain();
    await control(`/subscriptions/${row.stripeSubscriptionId}/advance`);
    await drain();
    expect(await tenantOf(s.storeA.id)).toMatchObject({ planCode: 'free', billingStatus: 'CURRENT', status: 'ACTIVE' });
    expect((await s.asAlice().billing.subscription()).subscription).toBeNull();
    expect((await actions(s.storeA.id)).slice(-4)).toEqual(['billing.cancel.scheduled', 'billing.cancel.undone', 'billing.cancel.scheduled', 'billing.subscription.ended']);
    const notes = await replayAllBackwards(s.storeA.id);
    expect(notes.every((n) => /nothing changed/.test(n))).toBe(true);
    expect(await tenantOf(s.storeA.id)).toMatchObject({ planCode: 'free' });
  });

  it('a new subscription can start after the old one ended', async () => {
    const view = await s.asAlice().billing.subscribe({ planCode: 'pro', interval: 'year' });
    expect(view.subscription).toMatchObject({ status: 'trialing', priceLookupKey: 'vitrine_pro_yearly' });
    await drain();
    expect(await tenantOf(s.storeA.id)).toMatchObject({ planCode: 'pro', status: 'TRIAL' });
  });
});

describe('who may do it, and isolation', () => {
  it('refuses admins and staff without billing; a RESTRICTED store still lets the owner reach billing', async () => {
    const admin = await h.createUser('billing-admin');
    await h.addMember(s.storeA.id, admin, 'ADMIN');
    const asAdmin = h.caller(admin, { tenantId: s.storeA.id });
    await expectTRPCError(asAdmin.billing.subscribe({ planCode: 'basic', interval: 'month' }), 'FORBIDDEN', /billing:manage/);
    await expectTRPCError(asAdmin.billing.cancel(), 'FORBIDDEN', /billing:manage/);
    await expectTRPCError(asAdmin.billing.portal(), 'FORBIDDEN', /billing:manage/);
    await expectTRPCError(asAdmin.billing.invoices(), 'FORBIDDEN', /billing:manage/);
  });

  it("store B's owner sees only store B's subscription and invoices, and cannot act on store A", async () => {
    const bobView = await s.asBob().billing.subscription();
    expect(bobView).toMatchObject({ hasCustomer: false, subscription: null });
    expect(await s.asBob().billing.invoices()).toEqual([]);
    const intoA = h.caller(s.bob, { tenantId: s.storeA.id });
    await expectTRPCError(intoA.billing.subscription(), 'FORBIDDEN', /do not have access/);
    await expectTRPCError(intoA.billing.cancel(), 'FORBIDDEN', /do not have access/);
    await expectTRPCError(intoA.billing.portal(), 'FORBIDDEN', /do not have access/);
    await expectTRPCError(intoA.billing.invoices(), 'FORBIDDEN', /do not have access/);
    // The banner's standing: only for members of the active store.
    expect(await intoA.billing.standing()).toBeNull();
    expect(await s.asAlice().billing.standing()).toMatchObject({ billingStatus: 'CURRENT', canManageBilling: true });
  });
});

describe('platform staff changing a paying store’s plan', () => {
  it('moves the Stripe subscription (so no renewal puts the old plan back), audited with the reason; a plan Stripe does not sell is refused', async () => {
    const staff = await h.createUser('billing-staff', 'SUPER_ADMIN');
    const platform = h.caller(staff).platform.tenants;
    await s.asBob().billing.subscribe({ planCode: 'basic', interval: 'month' });
    await drain();
    const row = await h.owner.tenantSubscription.findUniqueOrThrow({ where: { tenantId: s.storeB.id } });

    await expectTRPCError(platform.changePlan({ tenantId: s.storeB.id, planCode: 'free', reason: 'Asked by phone' }), 'CONFLICT', /pays for its plan through Stripe monthly, and Free is not sold that way/);
    await expectTRPCError(platform.changePlan({ tenantId: s.storeB.id, planCode: 'basic', reason: 'Asked by phone' }), 'CONFLICT', /already on Basic/);
    expect(await platform.changePlan({ tenantId: s.storeB.id, planCode: 'pro', reason: 'Upgrade deal signed' })).toMatchObject({ planCode: 'pro' });

    const subscription = await stripe.subscriptions.retrieve(row.stripeSubscriptionId!);
    expect(subscription.items.data[0]!.price.lookup_key).toBe('vitrine_pro_monthly');
    expect(await tenantOf(s.storeB.id)).toMatchObject({ planCode: 'pro' });
    expect(await h.auditRows(s.storeB.id, 'tenant.plan_changed')).toEqual([
      expect.objectContaining({ actorPlatformUserId: staff.id, data: { from: 'basic', to: 'pro', reason: 'Upgrade deal signed', through: 'stripe' } }),
    ]);

    // Stripe's events of the change, and every earlier one replayed, leave the store on Pro.
    await drain();
    await replayAllBackwards(s.storeB.id);
    await control(`/subscriptions/${row.stripeSubscriptionId}/advance`, { card: GOOD_CARD });
    await drain();
    expect(await tenantOf(s.storeB.id)).toMatchObject({ planCode: 'pro', billingStatus: 'CURRENT' });
  });
});
