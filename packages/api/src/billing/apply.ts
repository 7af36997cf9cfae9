import { Prisma, type Database } from '@vitrine/db';
import type { Stripe } from '@vitrine/payments';
import type { AuditActor } from '../audit.ts';
import { graceDays } from './config.ts';
import { recordBillingChanges } from './notify.ts';
import { planOfPrice } from './prices.ts';
import { nextBilling, type BillingChange, type StripeSide } from './state.ts';

const fromUnix = (seconds: number | null | undefined) => (typeof seconds === 'number' ? new Date(seconds * 1000) : null);
const idOf = (value: string | { id: string } | null | undefined) => (typeof value === 'string' ? value : (value?.id ?? null));

/** The store's subscription row locked for this transaction (null when the store has no Stripe customer yet). */
export async function lockSubscriptionRow(tx: Prisma.TransactionClient, tenantId: string) {
  await tx.$executeRaw(Prisma.sql`SELECT set_config('app.tenant_id', ${tenantId}, true)`);
  await tx.$queryRaw(Prisma.sql`SELECT id FROM tenants WHERE id = ${tenantId} FOR UPDATE`);
  return tx.tenantSubscription.findUnique({ where: { tenantId } });
}

export interface ApplyResult {
  changes: BillingChange[];
  /** Why nothing was applied, when nothing was. */
  skipped?: string;
}

/**
 * Applies Stripe's current view of a store's subscription, inside `tx` (a platform transaction), with the
 * store's row locked: the subscription row, the store's plan, status and billing status, and one audit row and
 * one email to the owners per change. Safe to repeat and to call with an older view (see nextBilling): callers
 * pass the subscription as just retrieved from Stripe, after locking, so a later change is never undone.
 * A subscription that is not the store's current one (an old, ended subscription) is ignored.
 */
export async function applySubscription(
  tx: Prisma.TransactionClient,
  input: { tenantId: string; subscription: Stripe.Subscription; actor: AuditActor; appUrl: string | null; now?: Date },
): Promise<ApplyResult> {
  const { tenantId, subscription: sub } = input;
  const now = input.now ?? new Date();
  const row = await lockSubscriptionRow(tx, tenantId);
  const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true, name: true, locale: true, planCode: true, status: true, billingStatus: true } });
  if (!tenant) return { changes: [], skipped: `Store ${tenantId} does not exist.` };
  const customerId = idOf(sub.customer);
  if (!row || row.stripeCustomerId !== customerId) return { changes: [], skipped: `Subscription ${sub.id} is not on store ${tenantId}'s Stripe customer.` };
  if (row.stripeSubscriptionId && row.stripeSubscriptionId !== sub.id && !['canceled', 'incomplete_expired'].includes(row.status ?? '')) {
    return { changes: [], skipped: `Subscription ${sub.id} is not the store's current subscription (${row.stripeSubscriptionId}).` };
  }

  const item = sub.items.data[0];
  const side: StripeSide = {
    subscriptionId: sub.id,
    status: sub.status,
    planCode: await planOfPrice(tx, item?.price),
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    trialEnd: fromUnix(sub.trial_end),
    currentPeriodEnd: fromUnix(item?.current_period_end),
  };
  const next = nextBilling(
    {
      planCode: tenant.planCode,
      tenantStatus: tenant.status,
      billingStatus: tenant.billingStatus,
      subscriptionId: row.stripeSubscriptionId,
      subscriptionStatus: row.status,
      cancelAtPeriodEnd: row.cancelAtPeriodEnd,
      pastDueSince: row.pastDueSince,
      graceEndsAt: row.graceEndsAt,
      restrictedAt: row.restrictedAt,
    },
    side,
    now,
    graceDays(),
  );

  const rowData = {
    stripeSubscriptionId: sub.id,
    status: sub.status,
    planCode: side.planCode,
    stripePriceId: item?.price.id ?? null,
    priceLookupKey: item?.price.lookup_key ?? null,
    priceAmount: item?.price.unit_amount ?? null,
    currency: item?.price.currency ? item.price.currency.toUpperCase() : null,
    interval: item?.price.recurring?.interval ?? null,
    currentPeriodEnd: side.currentPeriodEnd,
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    trialEnd: side.trialEnd,
    latestInvoiceId: idOf(sub.latest_invoice),
    pastDueSince: next.pastDueSince,
    graceEndsAt: next.graceEndsAt,
    restrictedAt: next.restrictedAt,
  };
  const rowChanged = (Object.keys(rowData) as (keyof typeof rowData)[]).some((key) => String(row[key] ?? '') !== String(rowData[key] ?? ''));
  if (rowChanged) await tx.tenantSubscription.update({ where: { id: row.id }, data: { ...rowData, version: { increment: 1 } } });

  const tenantData = {
    planCode: next.planCode,
    status: next.tenantStatus,
    billingStatus: next.billingStatus,
    ...(next.trialEndsAt !== undefined ? { trialEndsAt: next.trialEndsAt } : {}),
  };
  if (next.planCode !== tenant.planCode || next.tenantStatus !== tenant.status || next.billingStatus !== tenant.billingStatus || next.trialEndsAt !== undefined) {
    await tx.tenant.update({ where: { id: tenantId }, data: tenantData });
  }
  await recordBillingChanges(tx, tenant, next.changes, input.actor, input.appUrl);
  return { changes: next.changes };
}

/** The actor of a change Stripe told us about (a webhook), for the audit log. */
export const stripeActor = (eventId: string): AuditActor => ({ requestId: `stripe:${eventId}`, ip: null });

/**
 * Locks the store, retrieves the subscription from Stripe (its state now, whatever event or request brought
 * us here) and applies it, in one platform transaction.
 */
export async function syncSubscription(
  db: Database,
  stripe: Stripe,
  input: { tenantId: string; subscriptionId: string; actor: AuditActor; appUrl: string | null },
): Promise<ApplyResult> {
  return db.platform.$transaction(
    async (tx) => {
      await lockSubscriptionRow(tx, input.tenantId);
      const subscription = await stripe.subscriptions.retrieve(input.subscriptionId);
      return applySubscription(tx, { ...input, subscription });
    },
    { maxWait: 15_000, timeout: 60_000 },
  );
}
