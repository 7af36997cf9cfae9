import { TRPCError } from '@trpc/server';
import type { Stripe } from '@vitrine/payments';
import type { Database } from '@vitrine/db';
import { memberActor, type AuditActor } from '../audit.ts';
import { conflict } from '../errors.ts';
import type { TenantContext } from '../trpc.ts';
import { applySubscription, lockSubscriptionRow } from './apply.ts';
import { platformStripe } from './config.ts';
import { lookupKeyOf, sellablePrices, stripePriceByLookupKey, type BillingInterval } from './prices.ts';
import { hasCurrentSubscription, LIVE_STATUSES } from './state.ts';

/**
 * What the store's owner (billing:manage) does with its subscription. Every Stripe request carries an
 * idempotency key derived from the store and the row's version (so a retried request is one request, and the
 * next deliberate change gets a new key); the state Stripe answers with is applied at once (the webhooks that
 * follow find nothing left to change).
 */

const TX = { maxWait: 15_000, timeout: 60_000 } as const;

/** The Stripe error turned into a sentence for the owner (a card or request problem is a 400, Stripe down a 503). */
function stripeFailure(error: unknown): never {
  if (error instanceof TRPCError) throw error;
  const e = error as { type?: string; message?: string; statusCode?: number };
  if (e?.type === 'StripeCardError') throw new TRPCError({ code: 'BAD_REQUEST', message: e.message ?? 'The card was declined.' });
  if (e?.type === 'StripeInvalidRequestError') throw new TRPCError({ code: 'BAD_REQUEST', message: `Stripe refused the request: ${e.message ?? 'invalid request'}` });
  if (typeof e?.type === 'string' && e.type.startsWith('Stripe')) {
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'The payment provider could not be reached. Please try again in a minute.', cause: error });
  }
  throw error;
}

async function withStripe<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    stripeFailure(error);
  }
}

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : (value?.id ?? null));

/** The store's Stripe customer: created once (metadata tenant_id; same idempotency key for every attempt) and kept in tenant_subscriptions. */
async function customerOf(ctx: TenantContext, stripe: Stripe): Promise<{ id: string; customerId: string; stripeSubscriptionId: string | null; status: string | null; version: number }> {
  const existing = await ctx.db.platform.tenantSubscription.findUnique({ where: { tenantId: ctx.tenant.id } });
  if (existing) return { id: existing.id, customerId: existing.stripeCustomerId, stripeSubscriptionId: existing.stripeSubscriptionId, status: existing.status, version: existing.version };
  const owner = await ctx.db.platform.user.findUnique({ where: { id: ctx.user.id }, select: { email: true } });
  const customer = await withStripe(() =>
    stripe.customers.create(
      { name: ctx.tenant.name, email: owner?.email ?? ctx.user.email, metadata: { tenant_id: ctx.tenant.id, tenant_slug: ctx.tenant.slug } },
      { idempotencyKey: `vitrine-customer-${ctx.tenant.id}` },
    ),
  );
  const row = await ctx.db.platform.tenantSubscription.upsert({
    where: { tenantId: ctx.tenant.id },
    create: { tenantId: ctx.tenant.id, stripeCustomerId: customer.id },
    update: {},
  });
  return { id: row.id, customerId: row.stripeCustomerId, stripeSubscriptionId: row.stripeSubscriptionId, status: row.status, version: row.version };
}

async function priceFor(db: Database, stripe: Stripe, planCode: string, interval: BillingInterval): Promise<{ price: Stripe.Price; trialDays: number }> {
  const plan = await db.platform.plan.findUnique({ where: { code: planCode }, select: { code: true, name: true, trialDays: true, rank: true } });
  if (!plan || plan.rank === null) throw new TRPCError({ code: 'BAD_REQUEST', message: 'There is no such plan to choose.' });
  const lookupKey = await lookupKeyOf(db.platform, planCode, interval);
  if (!lookupKey) throw new TRPCError({ code: 'BAD_REQUEST', message: `The ${plan.name} plan is not sold ${interval === 'year' ? 'yearly' : 'monthly'}.` });
  const price = await withStripe(() => stripePriceByLookupKey(stripe, lookupKey));
  if (!price) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `The ${plan.name} plan has no price at the payment provider yet. Please contact support.` });
  return { price, trialDays: plan.trialDays };
}

const isLive = (status: string | null) => LIVE_STATUSES.has(status ?? '') || status === 'incomplete';

/** Who changes a store's subscription: the platform database, the app's address (emails) and the audit actor. */
interface BillingChange {
  db: Database;
  tenantId: string;
  actor: AuditActor;
  appUrl: string | null;
}

const memberChange = (ctx: TenantContext): BillingChange => ({ db: ctx.db, tenantId: ctx.tenant.id, actor: memberActor(ctx), appUrl: ctx.appUrl });

/** Applies a subscription Stripe just answered with, re-read under the store's lock. */
async function applyFresh(change: BillingChange, stripe: Stripe, subscriptionId: string) {
  return change.db.platform.$transaction(async (tx) => {
    await lockSubscriptionRow(tx, change.tenantId);
    const subscription = await stripe.subscriptions.retrieve(subscriptionId);
    return applySubscription(tx, { tenantId: change.tenantId, subscription, actor: change.actor, appUrl: change.appUrl });
  }, TX);
}

/** Starts a subscription to a paid plan: the plan's trial days, metadata tenant_id. */
export async function startSubscription(ctx: TenantContext, input: { planCode: string; interval: BillingInterval }) {
  const stripe = platformStripe();
  const { price, trialDays } = await priceFor(ctx.db, stripe, input.planCode, input.interval);
  const row = await customerOf(ctx, stripe);
  if (row.stripeSubscriptionId && isLive(row.status)) throw conflict('This store already has a subscription; change its plan instead.');
  const previous = row.stripeSubscriptionId ?? 'none';
  const subscription = await withStripe(() =>
    stripe.subscriptions.create(
      {
        customer: row.customerId,
        items: [{ price: price.id }],
        ...(trialDays > 0 ? { trial_period_days: trialDays } : {}),
        metadata: { tenant_id: ctx.tenant.id },
      },
      { idempotencyKey: `vitrine-sub-create-${ctx.tenant.id}-${previous}-${price.id}` },
    ),
  );
  await ctx.db.platform.tenantSubscription.updateMany({
    where: { id: row.id, OR: [{ stripeSubscriptionId: null }, { stripeSubscriptionId: row.stripeSubscriptionId }] },
    data: { stripeSubscriptionId: subscription.id, status: null, cancelAtPeriodEnd: false },
  });
  await applyFresh(memberChange(ctx), stripe, subscription.id);
  return subscriptionView(ctx);
}

async function liveSubscription(db: Database, tenantId: string) {
  const row = await db.platform.tenantSubscription.findUnique({ where: { tenantId } });
  if (!row || !hasCurrentSubscription(row)) {
    throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'This store has no subscription yet; choose a paid plan first.' });
  }
  return { ...row, stripeSubscriptionId: row.stripeSubscriptionId! };
}

/**
 * Moves a store's live subscription to another plan or interval (the rest of the period is prorated on the next
 * invoice) and applies Stripe's answer, which sets the store's plan. Used by the owner's billing page and by
 * platform staff changing a paying store's plan (a plan set beside Stripe would be undone by the next renewal).
 */
export async function moveSubscription(change: BillingChange, input: { planCode: string; interval: BillingInterval }) {
  const stripe = platformStripe();
  const row = await liveSubscription(change.db, change.tenantId);
  const { price } = await priceFor(change.db, stripe, input.planCode, input.interval);
  if (row.stripePriceId === price.id) throw conflict('The store is already on this plan.');
  const current = await withStripe(() => stripe.subscriptions.retrieve(row.stripeSubscriptionId));
  const item = current.items.data[0];
  if (!item) throw conflict('The subscription has no item to change.');
  await withStripe(() =>
    stripe.subscriptions.update(
      row.stripeSubscriptionId,
      { items: [{ id: item.id, price: price.id }], proration_behavior: 'create_prorations' },
      { idempotencyKey: `vitrine-sub-change-${row.stripeSubscriptionId}-v${row.version}-${price.id}` },
    ),
  );
  await applyFresh(change, stripe, row.stripeSubscriptionId);
}

/** The owner moves the subscription to another plan or interval. */
export async function changePlan(ctx: TenantContext, input: { planCode: string; interval: BillingInterval }) {
  await moveSubscription(memberChange(ctx), input);
  return subscriptionView(ctx);
}

/** Cancels at the end of the period (`cancel: true`) or undoes that (`cancel: false`). */
export async function setCancelAtPeriodEnd(ctx: TenantContext, cancel: boolean) {
  const stripe = platformStripe();
  const row = await liveSubscription(ctx.db, ctx.tenant.id);
  if (row.cancelAtPeriodEnd === cancel) throw conflict(cancel ? 'The subscription is already set to end with this period.' : 'The subscription is not set to end.');
  await withStripe(() =>
    stripe.subscriptions.update(
      row.stripeSubscriptionId,
      { cancel_at_period_end: cancel },
      { idempotencyKey: `vitrine-sub-cancel-${row.stripeSubscriptionId}-v${row.version}-${cancel ? 'on' : 'off'}` },
    ),
  );
  await applyFresh(memberChange(ctx), stripe, row.stripeSubscriptionId);
  return subscriptionView(ctx);
}

/** A billing-portal link (card, invoices) that returns to the billing page. */
export async function portalLink(ctx: TenantContext) {
  const stripe = platformStripe();
  const row = await ctx.db.platform.tenantSubscription.findUnique({ where: { tenantId: ctx.tenant.id } });
  if (!row) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'This store has no billing account yet; choose a paid plan first.' });
  const session = await withStripe(() =>
    stripe.billingPortal.sessions.create(
      { customer: row.stripeCustomerId, return_url: `${(ctx.appUrl ?? '').replace(/\/$/, '')}/admin/billing` },
      { idempotencyKey: `vitrine-portal-${ctx.tenant.id}-${ctx.requestId}` },
    ),
  );
  return { url: session.url };
}

/** The store's invoices, newest first (up to 24). */
export async function listInvoices(ctx: TenantContext) {
  const row = await ctx.db.platform.tenantSubscription.findUnique({ where: { tenantId: ctx.tenant.id } });
  if (!row) return [];
  const stripe = platformStripe();
  const invoices = await withStripe(() => stripe.invoices.list({ customer: row.stripeCustomerId, limit: 24 }));
  return invoices.data.map((invoice) => ({
    id: invoice.id ?? '',
    number: invoice.number,
    status: invoice.status,
    total: invoice.total,
    amountDue: invoice.amount_due,
    currency: invoice.currency.toUpperCase(),
    createdAt: new Date(invoice.created * 1000),
    url: invoice.hosted_invoice_url ?? null,
    prorations: invoice.lines.data.filter((l) => (l.parent as { subscription_item_details?: { proration?: boolean } } | null)?.subscription_item_details?.proration).length,
  }));
}

/** What the billing page shows about the subscription (null fields when the store never subscribed). */
export async function subscriptionView(ctx: Pick<TenantContext, 'db' | 'tenant'>) {
  const [row, tenant] = await Promise.all([
    ctx.db.platform.tenantSubscription.findUnique({ where: { tenantId: ctx.tenant.id } }),
    ctx.db.platform.tenant.findUniqueOrThrow({ where: { id: ctx.tenant.id }, select: { planCode: true, status: true, billingStatus: true, trialEndsAt: true } }),
  ]);
  const live = hasCurrentSubscription(row) ? row : null;
  return {
    planCode: tenant.planCode,
    tenantStatus: tenant.status,
    billingStatus: tenant.billingStatus,
    hasCustomer: row !== null,
    subscription: live
      ? {
          id: live.stripeSubscriptionId!,
          status: live.status!,
          planCode: live.planCode,
          priceLookupKey: live.priceLookupKey,
          priceAmount: live.priceAmount,
          currency: live.currency,
          interval: live.interval,
          currentPeriodEnd: live.currentPeriodEnd,
          cancelAtPeriodEnd: live.cancelAtPeriodEnd,
          trialEnd: live.trialEnd,
          latestInvoiceId: live.latestInvoiceId,
        }
      : null,
    pastDueSince: row?.pastDueSince ?? null,
    graceEndsAt: row?.graceEndsAt ?? null,
    restrictedAt: row?.restrictedAt ?? null,
  };
}

export { idOf };

/**
 * The plans and intervals that can be bought, with Stripe's amount for each (what the owner is charged); the
 * amount is null when Stripe has no such price or cannot be reached (the button still shows the plan).
 */
export async function purchasablePrices(ctx: Pick<TenantContext, 'db' | 'log'>) {
  const rows = await sellablePrices(ctx.db.platform);
  const plans = await ctx.db.platform.plan.findMany({ where: { code: { in: rows.map((r) => r.planCode) } }, select: { code: true, name: true, trialDays: true, rank: true } });
  let prices: Stripe.Price[] = [];
  try {
    if (rows.length > 0) prices = (await platformStripe().prices.list({ lookup_keys: rows.map((r) => r.lookupKey), limit: 100 })).data;
  } catch (error) {
    ctx.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'plan prices could not be read from Stripe');
  }
  return rows
    .flatMap((row) => {
      const plan = plans.find((p) => p.code === row.planCode);
      if (!plan || plan.rank === null) return [];
      const price = prices.find((p) => p.lookup_key === row.lookupKey);
      return [{ ...row, planName: plan.name, trialDays: plan.trialDays, rank: plan.rank, amount: price?.unit_amount ?? null, currency: price ? price.currency.toUpperCase() : null }];
    })
    .sort((a, b) => a.rank - b.rank || (a.interval === b.interval ? 0 : a.interval === 'month' ? -1 : 1));
}
