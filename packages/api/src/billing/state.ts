import type { BillingStatus, TenantStatus } from '@vitrine/db';

/** Stripe statuses in which the subscription gives the store its plan. */
export const LIVE_STATUSES = new Set(['trialing', 'active', 'past_due', 'unpaid']);
/** Stripe statuses of a subscription that is over: the store is back on Free. */
export const ENDED_STATUSES = new Set(['canceled', 'incomplete_expired']);
/** A stored subscription row that is not over: Stripe knows it, with a status that is not an ended one. */
export function hasCurrentSubscription(row: { stripeSubscriptionId: string | null; status: string | null } | null | undefined): boolean {
  return Boolean(row?.stripeSubscriptionId && row.status && !ENDED_STATUSES.has(row.status));
}
/** The plan a store falls back to when its subscription ends. */
export const FREE_PLAN = 'free';

/** What Vitrine holds about a store's billing before a change. */
export interface HeldBilling {
  planCode: string;
  tenantStatus: TenantStatus;
  billingStatus: BillingStatus;
  subscriptionId: string | null;
  subscriptionStatus: string | null;
  cancelAtPeriodEnd: boolean;
  pastDueSince: Date | null;
  graceEndsAt: Date | null;
  restrictedAt: Date | null;
}

/** The subscription as Stripe has it now, reduced to what decides the store's state. */
export interface StripeSide {
  subscriptionId: string;
  status: string;
  /** The plan its price sells (plan_stripe_prices), null for a price Vitrine does not sell. */
  planCode: string | null;
  cancelAtPeriodEnd: boolean;
  trialEnd: Date | null;
  currentPeriodEnd: Date | null;
}

export type BillingChange =
  | { kind: 'started'; plan: string; trialEnd: Date | null }
  | { kind: 'activated'; plan: string }
  | { kind: 'plan_changed'; from: string; to: string }
  | { kind: 'past_due'; graceEndsAt: Date }
  | { kind: 'restricted' }
  | { kind: 'restored' }
  | { kind: 'cancel_scheduled'; endsAt: Date | null }
  | { kind: 'cancel_undone' }
  | { kind: 'ended'; from: string };

export interface NextBilling {
  planCode: string;
  tenantStatus: TenantStatus;
  billingStatus: BillingStatus;
  trialEndsAt: Date | null | undefined;
  pastDueSince: Date | null;
  graceEndsAt: Date | null;
  restrictedAt: Date | null;
  changes: BillingChange[];
}

const DAY_MS = 86_400_000;

/**
 * The store's state once Stripe's current view of its subscription is applied, and the changes that makes
 * (each audited and emailed). Pure: the same inputs give the same answer, so applying the same view twice
 * changes nothing the second time (replayed and out-of-order events apply Stripe's CURRENT view).
 *
 * - trialing / active: the plan of the price, billing CURRENT (a PAST_DUE or RESTRICTED store is restored).
 * - past_due / unpaid: the plan stays; a CURRENT store becomes PAST_DUE with a grace period of `graceDays`
 *   (the worker restricts it when the grace ends unpaid); PAST_DUE and RESTRICTED stay as they are.
 * - canceled / incomplete_expired, for a subscription that gave the store its plan: back to Free, billing CURRENT
 *   (nothing more is owed on an ended subscription).
 * - incomplete (first payment not made) and anything else: nothing changes for the store.
 * A store the platform marked UNPAID (its storefront closed) keeps that status; SUSPENDED and CANCELLED
 * stores keep their status.
 */
export function nextBilling(held: HeldBilling, stripe: StripeSide, now: Date, graceDays: number): NextBilling {
  const next: NextBilling = {
    planCode: held.planCode,
    tenantStatus: held.tenantStatus,
    billingStatus: held.billingStatus,
    trialEndsAt: undefined,
    pastDueSince: held.pastDueSince,
    graceEndsAt: held.graceEndsAt,
    restrictedAt: held.restrictedAt,
    changes: [],
  };
  const wasLive = held.subscriptionId === stripe.subscriptionId && LIVE_STATUSES.has(held.subscriptionStatus ?? '');
  const statusMayChange = held.tenantStatus === 'TRIAL' || held.tenantStatus === 'ACTIVE';
  const billingMayChange = held.billingStatus !== 'UNPAID';
  const restore = () => {
    if (billingMayChange && (held.billingStatus === 'PAST_DUE' || held.billingStatus === 'RESTRICTED')) next.changes.push({ kind: 'restored' });
    if (billingMayChange) Object.assign(next, { billingStatus: 'CURRENT', pastDueSince: null, graceEndsAt: null, restrictedAt: null });
  };

  if (LIVE_STATUSES.has(stripe.status)) {
    const plan = stripe.planCode ?? held.planCode;
    if (!wasLive) next.changes.push({ kind: 'started', plan, trialEnd: stripe.status === 'trialing' ? stripe.trialEnd : null });
    else if (plan !== held.planCode) next.changes.push({ kind: 'plan_changed', from: held.planCode, to: plan });
    next.planCode = plan;
    if (wasLive && held.subscriptionStatus === 'trialing' && stripe.status === 'active') next.changes.push({ kind: 'activated', plan });
    if (statusMayChange) next.tenantStatus = stripe.status === 'trialing' ? 'TRIAL' : 'ACTIVE';
    next.trialEndsAt = stripe.status === 'trialing' ? stripe.trialEnd : null;

    if (stripe.status === 'trialing' || stripe.status === 'active') restore();
    else if (billingMayChange && held.billingStatus === 'CURRENT') {
      const graceEndsAt = new Date(now.getTime() + graceDays * DAY_MS);
      Object.assign(next, { billingStatus: 'PAST_DUE', pastDueSince: now, graceEndsAt, restrictedAt: null });
      next.changes.push({ kind: 'past_due', graceEndsAt });
    }

    if (wasLive && stripe.cancelAtPeriodEnd !== held.cancelAtPeriodEnd) {
      next.changes.push(stripe.cancelAtPeriodEnd ? { kind: 'cancel_scheduled', endsAt: stripe.currentPeriodEnd } : { kind: 'cancel_undone' });
    } else if (!wasLive && stripe.cancelAtPeriodEnd) next.changes.push({ kind: 'cancel_scheduled', endsAt: stripe.currentPeriodEnd });
  } else if (ENDED_STATUSES.has(stripe.status) && wasLive) {
    // Only a subscription that gave the store its plan takes it back (an unpaid first attempt never gave one).
    next.changes.push({ kind: 'ended', from: held.planCode });
    next.planCode = FREE_PLAN;
    next.trialEndsAt = null;
    if (held.tenantStatus === 'TRIAL') next.tenantStatus = 'ACTIVE';
    restore();
  }
  return next;
}
