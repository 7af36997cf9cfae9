import { notFound } from '../../errors.ts';
import type { StorefrontContext } from '../../trpc.ts';
import type { TrackingInput } from './inputs.ts';

/**
 * What the buyer's tracking link shows: the order's number, status, timeline (what happened and when), items and
 * carrier with tracking number — nothing about the buyer, the address or the payment. Found only by its token
 * and only through its own store's host.
 */
export async function trackOrder(ctx: StorefrontContext, input: TrackingInput) {
  const order = await ctx.tdb.order.findFirst({
    where: { trackingToken: input.token },
    select: {
      number: true,
      status: true,
      carrier: true,
      trackingNumber: true,
      items: { orderBy: { createdAt: 'asc' }, select: { title: true, variantLabel: true, quantity: true } },
      events: {
        where: { toStatus: { not: null } },
        orderBy: { createdAt: 'asc' },
        select: { type: true, toStatus: true, createdAt: true },
      },
    },
  });
  if (!order) throw notFound('We could not find this order. Check the link in your order email.');
  return {
    number: order.number,
    status: order.status,
    carrier: order.carrier,
    trackingNumber: order.trackingNumber,
    items: order.items,
    timeline: order.events.map((e) => ({ type: e.type, status: e.toStatus!, at: e.createdAt })),
  };
}
