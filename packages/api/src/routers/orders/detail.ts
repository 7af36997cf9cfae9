import { notFound } from '../../errors.ts';
import type { TenantContext } from '../../trpc.ts';
import type { OrderIdInput } from './inputs.ts';

export const ORDER_NOT_FOUND = 'This order does not exist in this store.';

/** One order with its items, timeline (oldest first) and refunds. */
export async function orderDetail(ctx: TenantContext, input: OrderIdInput) {
  const order = await ctx.tdb.order.findFirst({
    where: { id: input.id },
    include: {
      items: { orderBy: { createdAt: 'asc' } },
      events: { orderBy: { createdAt: 'asc' } },
      refunds: { orderBy: { createdAt: 'asc' } },
    },
  });
  if (!order) throw notFound(ORDER_NOT_FOUND);
  return order;
}
