import type { OrderStatus } from '@vitrine/db';

/**
 * The order's lifecycle:
 *
 *   CREATED ──paid──► PAID ──shipped──► SHIPPED ──delivered──► DELIVERED
 *      │               │  └──delivered (local pickup only)──────────▲
 *      └──cancelled────┴──cancelled──► CANCELLED
 *
 * CREATED: placed, stock reserved, awaiting payment (an unpaid order expires into CANCELLED, returning its stock).
 * CANCELLED and DELIVERED are final. Refunds do not move an order: they are its refund state (NONE / PARTIAL /
 * FULL), so a partly refunded order can still ship.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  CREATED: ['PAID', 'CANCELLED'],
  PAID: ['SHIPPED', 'DELIVERED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
};

export interface TransitionSubject {
  status: OrderStatus;
  number: number;
  /** A rate id or "pickup": a paid pickup order is delivered without shipping. */
  shippingMethod: string;
}

const STATE_WORDS: Record<OrderStatus, string> = {
  CREATED: 'is waiting for payment',
  PAID: 'is paid and not shipped yet',
  SHIPPED: 'has shipped already',
  DELIVERED: 'was delivered already',
  CANCELLED: 'was cancelled',
};

const GOAL_WORDS: Record<OrderStatus, string> = {
  CREATED: 'go back to waiting for payment',
  PAID: 'be marked paid',
  SHIPPED: 'be marked shipped',
  DELIVERED: 'be marked delivered',
  CANCELLED: 'be cancelled',
};

/** Why the order cannot move to `to`, as a sentence; null when it can. */
export function transitionProblem(order: TransitionSubject, to: OrderStatus): string | null {
  const allowed = ORDER_TRANSITIONS[order.status].includes(to);
  const pickupOnly = order.status === 'PAID' && to === 'DELIVERED' && order.shippingMethod !== 'pickup';
  if (allowed && !pickupOnly) return null;
  const label = `Order #${order.number}`;
  if (pickupOnly) return `${label} is for delivery: mark it shipped before marking it delivered.`;
  if (order.status === to) return `${label} ${STATE_WORDS[order.status]}.`;
  return `${label} ${STATE_WORDS[order.status]}, so it cannot ${GOAL_WORDS[to]}.`;
}

export function canTransition(order: TransitionSubject, to: OrderStatus): boolean {
  return transitionProblem(order, to) === null;
}

/** NONE, PARTIAL or FULL for an amount refunded out of the total. */
export function refundStatusOf(refunded: number, total: number): 'NONE' | 'PARTIAL' | 'FULL' {
  if (refunded <= 0) return 'NONE';
  return refunded >= total ? 'FULL' : 'PARTIAL';
}
