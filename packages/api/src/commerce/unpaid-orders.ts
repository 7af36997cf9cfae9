import type { Database, Order } from '@vitrine/db';
import type { Stripe } from '@vitrine/payments';
import { enqueueInTransaction, safeJobId, type OutboxWriter } from '@vitrine/queue';
import { wholeNumberFromEnv } from '../lib/env-number.ts';
import { reconcileCheckoutSession } from './checkout-session.ts';
import { applyExpiry, lockOrder } from './order-lifecycle.ts';
import { storeStripeClient } from './store-stripe.ts';

/**
 * Placing an order takes its stock and coupon use at once (two buyers never pay for the last unit). An order that is
 * never paid must give them back: UNPAID_ORDER_HOLD_MINUTES after it was placed (default 60) a job cancels it,
 * unless Stripe has its payment, or its payment page opened less than PAYMENT_PAGE_MINUTES ago (the buyer may be
 * typing their card: the job looks again when that time is up, then closes the page on Stripe).
 */
export const DEFAULT_UNPAID_HOLD_MINUTES = 60;
/** The least time a buyer gets on a payment page they opened, even near the end of the hold. */
export const PAYMENT_PAGE_MINUTES = 30;

/** UNPAID_ORDER_HOLD_MINUTES (whole minutes, 5–1440), default 60; a malformed value falls back to the default. */
export function unpaidHoldMinutes(env: Record<string, string | undefined> = process.env): number {
  return wholeNumberFromEnv(env.UNPAID_ORDER_HOLD_MINUTES, { min: 5, max: 1440, fallback: DEFAULT_UNPAID_HOLD_MINUTES });
}

const minutes = (n: number) => n * 60_000;

/** The job that ends an order's hold; `attempt` > 0 for a later look (a payment page was still open). */
async function enqueueExpiry(tx: OutboxWriter, order: Pick<Order, 'id' | 'tenantId'>, at: Date, attempt: number) {
  await enqueueInTransaction(tx, {
    queue: 'payments',
    name: 'orders.expire-unpaid',
    payload: { tenantId: order.tenantId, orderId: order.id },
    jobId: safeJobId(`order-expire-${order.id}${attempt > 0 ? `-${at.getTime()}` : ''}`),
    tenantId: order.tenantId,
    availableAt: at,
  });
}

/** Schedules the end of the order's hold, in the transaction that places it. */
export async function scheduleUnpaidExpiry(tx: OutboxWriter, order: Pick<Order, 'id' | 'tenantId' | 'createdAt'>, env: Record<string, string | undefined> = process.env) {
  await enqueueExpiry(tx, order, new Date(order.createdAt.getTime() + minutes(unpaidHoldMinutes(env))), 0);
}

export type UnpaidExpiryOutcome =
  /** Paid, cancelled or gone before the hold ended: nothing to do. */
  | { outcome: 'settled'; status: Order['status'] | null }
  /** Stripe had the payment the webhook has not brought yet: recorded now. */
  | { outcome: 'paid' }
  /** Cancelled; its stock and coupon use are back. */
  | { outcome: 'expired'; closedPaymentPage: boolean }
  /** Its payment page is young, or Stripe is still settling a completed one: a new job looks again then. */
  | { outcome: 'look-again'; at: Date; reason: string };

type Decision = { expire: true; closedPaymentPage: boolean } | { expire: false; result: UnpaidExpiryOutcome };

/** What Stripe says of the order's payment page, and the page closed when its buyer's time is up. */
async function decideWithStripe(db: Database, tenantId: string, order: Pick<Order, 'id' | 'status' | 'checkoutSessionId'>, now: Date): Promise<Decision> {
  let stripe: Stripe;
  try {
    stripe = await storeStripeClient(db, tenantId);
  } catch {
    // The store removed its payment keys: nobody can pay this page any more (a payment Stripe still reports is
    // noted on the order as "payment after cancel: refund it" by the webhook).
    return { expire: true, closedPaymentPage: false };
  }
  const session = await stripe.checkout.sessions.retrieve(order.checkoutSessionId!);
  if (session.status === 'complete') {
    const reconciled = await reconcileCheckoutSession(db, tenantId, order);
    if (reconciled) return { expire: false, result: { outcome: 'paid' } };
    return { expire: false, result: { outcome: 'look-again', at: new Date(now.getTime() + minutes(DEFAULT_UNPAID_HOLD_MINUTES)), reason: `Checkout Session ${session.id} is complete and ${session.payment_status}.` } };
  }
  if (session.status === 'open') {
    const buyerTimeEnds = new Date(session.created * 1000 + minutes(PAYMENT_PAGE_MINUTES));
    if (buyerTimeEnds > now) return { expire: false, result: { outcome: 'look-again', at: buyerTimeEnds, reason: `Checkout Session ${session.id} opened less than ${PAYMENT_PAGE_MINUTES} minutes ago.` } };
    // Stripe refuses to expire a session that was paid or expired meanwhile: the caller asks again.
    await stripe.checkout.sessions.expire(session.id);
    return { expire: true, closedPaymentPage: true };
  }
  return { expire: true, closedPaymentPage: false };
}

/**
 * Ends an unpaid order's hold (the `orders.expire-unpaid` job). Idempotent and safe beside the Stripe webhooks: the
 * cancellation happens on the locked order only while it is still CREATED with the payment page that was checked.
 * A later look is scheduled in the same transaction as the decision to wait.
 */
export async function expireUnpaidOrderWhenDue(db: Database, tenantId: string, orderId: string, now = new Date()): Promise<UnpaidExpiryOutcome> {
  const tdb = await db.forTenant(tenantId);
  for (let attempt = 0; ; attempt += 1) {
    const order = await tdb.order.findFirst({ where: { id: orderId }, select: { id: true, tenantId: true, status: true, checkoutSessionId: true } });
    if (!order || order.status !== 'CREATED') return { outcome: 'settled', status: order?.status ?? null };
    let decision: Decision;
    try {
      decision = order.checkoutSessionId ? await decideWithStripe(db, tenantId, order, now) : { expire: true, closedPaymentPage: false };
    } catch (error) {
      // A session paid or closed between our read and the expire call: read it again (twice at most).
      if (attempt < 2 && (error as { type?: string }).type === 'StripeInvalidRequestError') continue;
      throw error;
    }
    if (!decision.expire) {
      if (decision.result.outcome === 'look-again') await enqueueExpiry(tdb, order, decision.result.at, attempt + 1);
      return decision.result;
    }
    const outcome = await tdb.$scoped(async (tx) => {
      const locked = await lockOrder(tx, orderId);
      if (!locked || locked.status !== 'CREATED') return { outcome: 'settled', status: locked?.status ?? null } as const;
      // A payment page opened since we looked: look at it instead.
      if (locked.checkoutSessionId !== order.checkoutSessionId) return null;
      await applyExpiry(tx, locked);
      return { outcome: 'expired', closedPaymentPage: decision.closedPaymentPage } as const;
    });
    if (outcome) return outcome;
    if (attempt >= 2) throw new Error(`Order ${orderId} kept changing while its hold ended; the job will try again.`);
  }
}
