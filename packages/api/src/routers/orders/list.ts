import type { Prisma } from '@vitrine/db';
import { afterCursor, decodeCursor, pageOf } from '../../lib/keyset.ts';
import type { TenantContext } from '../../trpc.ts';
import type { OrdersListInput } from './inputs.ts';

/** "#1001" or "1001" → 1001; anything else is searched in the buyer's email and name. */
function orderNumberOf(text: string): number | null {
  const match = /^#?(\d{1,9})$/.exec(text);
  return match ? Number(match[1]) : null;
}

function filtersOf(input: OrdersListInput): Prisma.OrderWhereInput {
  const where: Prisma.OrderWhereInput = {};
  if (input.status) where.status = input.status;
  if (input.from || input.to) where.createdAt = { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lt: input.to } : {}) };
  if (input.totalMin !== undefined || input.totalMax !== undefined) {
    where.totalAmount = { ...(input.totalMin !== undefined ? { gte: input.totalMin } : {}), ...(input.totalMax !== undefined ? { lte: input.totalMax } : {}) };
  }
  if (input.buyer) {
    const number = orderNumberOf(input.buyer);
    where.OR = [
      { buyerEmail: { contains: input.buyer, mode: 'insensitive' } },
      { buyerName: { contains: input.buyer, mode: 'insensitive' } },
      ...(number !== null ? [{ number }] : []),
    ];
  }
  return where;
}

/** The store's orders, newest first, filtered, a page at a time (keyset cursor). */
export async function listOrders(ctx: TenantContext, input: OrdersListInput) {
  const position = decodeCursor(input.cursor);
  const rows = await ctx.tdb.order.findMany({
    where: { AND: [filtersOf(input), afterCursor(position)] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: {
      id: true,
      number: true,
      status: true,
      refundStatus: true,
      buyerEmail: true,
      buyerName: true,
      totalAmount: true,
      currency: true,
      createdAt: true,
      _count: { select: { items: true } },
    },
  });
  const page = pageOf(rows, input.limit);
  return {
    items: page.items.map(({ _count, ...o }) => ({ ...o, itemCount: _count.items })),
    nextCursor: page.nextCursor,
  };
}
