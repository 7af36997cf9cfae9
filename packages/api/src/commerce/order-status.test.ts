import type { OrderStatus } from '@vitrine/db';
import { describe, expect, it } from 'vitest';
import { canTransition, ORDER_TRANSITIONS, refundStatusOf, transitionProblem } from './order-status.ts';

const ALL: OrderStatus[] = ['CREATED', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'];
const order = (status: OrderStatus, shippingMethod = 'rate_1') => ({ status, number: 1001, shippingMethod });

describe('the order state machine', () => {
  const allowed: [OrderStatus, OrderStatus][] = [
    ['CREATED', 'PAID'],
    ['CREATED', 'CANCELLED'],
    ['PAID', 'SHIPPED'],
    ['PAID', 'CANCELLED'],
    ['SHIPPED', 'DELIVERED'],
  ];
  const pairs = ALL.flatMap((from) => ALL.map((to) => [from, to] as [OrderStatus, OrderStatus]));

  it.each(pairs)('%s → %s', (from, to) => {
    const expected = allowed.some(([f, t]) => f === from && t === to);
    expect(canTransition(order(from), to)).toBe(expected);
    const problem = transitionProblem(order(from), to);
    if (expected) expect(problem).toBeNull();
    else expect(problem).toMatch(/^Order #1001 /);
  });

  it('delivers a paid pickup order without shipping, but not a paid order for delivery', () => {
    expect(canTransition(order('PAID', 'pickup'), 'DELIVERED')).toBe(true);
    expect(transitionProblem(order('PAID'), 'DELIVERED')).toBe('Order #1001 is for delivery: mark it shipped before marking it delivered.');
  });

  it.each([
    ['SHIPPED', 'CANCELLED', 'Order #1001 has shipped already, so it cannot be cancelled.'],
    ['CANCELLED', 'PAID', 'Order #1001 was cancelled, so it cannot be marked paid.'],
    ['CREATED', 'SHIPPED', 'Order #1001 is waiting for payment, so it cannot be marked shipped.'],
    ['DELIVERED', 'DELIVERED', 'Order #1001 was delivered already.'],
  ] as [OrderStatus, OrderStatus, string][])('says why %s → %s is refused', (from, to, sentence) => {
    expect(transitionProblem(order(from), to)).toBe(sentence);
  });

  it('has final states with no way out', () => {
    expect(ORDER_TRANSITIONS.DELIVERED).toEqual([]);
    expect(ORDER_TRANSITIONS.CANCELLED).toEqual([]);
  });

  it.each([
    [0, 1_000, 'NONE'],
    [1, 1_000, 'PARTIAL'],
    [999, 1_000, 'PARTIAL'],
    [1_000, 1_000, 'FULL'],
    [1_200, 1_000, 'FULL'],
  ])('refund state of %i refunded out of %i is %s', (refunded, total, state) => {
    expect(refundStatusOf(refunded, total)).toBe(state);
  });
});
