import type { Prisma } from '@vitrine/db';
import { notFound } from '../../errors.ts';
import { decodeCursor } from '../../lib/keyset.ts';
import type { TenantContext } from '../../trpc.ts';
import type { IdInput, OrdersInput } from './inputs.ts';
import { findAccount, idText, idTextOrNull, numericId, ORDER_NOT_FOUND, pageBy } from './shared.ts';

const listSelect = {
  id: true,
  accountId: true,
  mlOrderId: true,
  status: true,
  buyerId: true,
  buyerNickname: true,
  totalMinor: true,
  currency: true,
  shipmentId: true,
  dateCreated: true,
  items: { select: { title: true, quantity: true }, orderBy: { id: 'asc' }, take: 3 },
  _count: { select: { items: true } },
} satisfies Prisma.MlOrderSelect;

/** "2 × Blue shirt", "Blue shirt + 2 more items". */
function summaryOf(items: { title: string; quantity: number }[], count: number): string {
  const first = items[0];
  if (!first) return '—';
  const head = first.quantity > 1 ? `${first.quantity} × ${first.title}` : first.title;
  return count > 1 ? `${head} + ${count - 1} more item${count > 2 ? 's' : ''}` : head;
}

/** Orders newest first (ML's creation date), keyset-paged, filtered by account, status, dates and a search. */
export async function listOrders(ctx: TenantContext, input: OrdersInput) {
  if (input.accountId) await findAccount(ctx, input.accountId);
  const position = decodeCursor(input.cursor);
  const filters: Prisma.MlOrderWhereInput[] = [];
  if (position) {
    filters.push({ dateCreated: { lte: position.createdAt }, OR: [{ dateCreated: { lt: position.createdAt } }, { id: { lt: position.id } }] });
  }
  if (input.accountId) filters.push({ accountId: input.accountId });
  if (input.status) filters.push({ status: input.status });
  if (input.from) filters.push({ dateCreated: { gte: input.from } });
  if (input.to) filters.push({ dateCreated: { lte: input.to } });
  if (input.q) {
    const number = numericId(input.q);
    filters.push({
      OR: [
        ...(number !== null ? [{ mlOrderId: number }, { packId: number }] : []),
        { buyerNickname: { contains: input.q, mode: 'insensitive' } },
        { items: { some: { title: { contains: input.q, mode: 'insensitive' } } } },
      ],
    });
  }
  const rows = await ctx.tdb.mlOrder.findMany({
    where: { AND: filters },
    orderBy: [{ dateCreated: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: listSelect,
  });
  const page = pageBy(rows, input.limit, (r) => r.dateCreated);

  // Shipment status beside each order: one lookup for the page.
  const shipmentIds = page.items.flatMap((o) => (o.shipmentId === null ? [] : [o.shipmentId]));
  const shipments = shipmentIds.length
    ? await ctx.tdb.mlShipment.findMany({ where: { mlShipmentId: { in: shipmentIds } }, select: { accountId: true, mlShipmentId: true, status: true } })
    : [];
  const shipmentStatus = new Map(shipments.map((s) => [`${s.accountId}:${s.mlShipmentId}`, s.status]));

  return {
    items: page.items.map((o) => ({
      id: o.id,
      accountId: o.accountId,
      mlOrderId: idText(o.mlOrderId),
      status: o.status,
      buyerId: idText(o.buyerId),
      buyerNickname: o.buyerNickname,
      totalMinor: idText(o.totalMinor),
      currency: o.currency,
      dateCreated: o.dateCreated,
      itemsSummary: summaryOf(o.items, o._count.items),
      shipmentStatus: o.shipmentId === null ? null : (shipmentStatus.get(`${o.accountId}:${o.shipmentId}`) ?? null),
    })),
    nextCursor: page.nextCursor,
  };
}

/** One order with its items, its shipment and its conversation (by pack, or by order when there is no pack). */
export async function getOrder(ctx: TenantContext, input: IdInput) {
  const order = await ctx.tdb.mlOrder.findFirst({
    where: { id: input.id },
    include: { items: { orderBy: { id: 'asc' } } },
  });
  if (!order) throw notFound(ORDER_NOT_FOUND);
  const conversation = order.packId ?? order.mlOrderId;
  const [shipment, messages] = await Promise.all([
    ctx.tdb.mlShipment.findFirst({
      where: {
        accountId: order.accountId,
        OR: [...(order.shipmentId !== null ? [{ mlShipmentId: order.shipmentId }] : []), { mlOrderId: order.mlOrderId }],
      },
      orderBy: { syncedAt: 'desc' },
    }),
    ctx.tdb.mlMessage.findMany({
      where: { accountId: order.accountId, packId: conversation },
      orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
      take: 500,
    }),
  ]);
  return {
    id: order.id,
    accountId: order.accountId,
    mlOrderId: idText(order.mlOrderId),
    status: order.status,
    packId: idTextOrNull(order.packId),
    shipmentId: idTextOrNull(order.shipmentId),
    buyerId: idText(order.buyerId),
    buyerNickname: order.buyerNickname,
    totalMinor: idText(order.totalMinor),
    paidMinor: idTextOrNull(order.paidMinor),
    currency: order.currency,
    tags: order.tags,
    dateCreated: order.dateCreated,
    dateClosed: order.dateClosed,
    mlUpdatedAt: order.mlUpdatedAt,
    syncedAt: order.syncedAt,
    items: order.items.map((i) => ({
      id: i.id,
      mlItemId: i.mlItemId,
      title: i.title,
      variationId: idTextOrNull(i.variationId),
      sellerSku: i.sellerSku,
      quantity: i.quantity,
      unitPriceMinor: idText(i.unitPriceMinor),
      currency: i.currency,
    })),
    shipment: shipment && {
      id: shipment.id,
      mlShipmentId: idText(shipment.mlShipmentId),
      status: shipment.status,
      substatus: shipment.substatus,
      mode: shipment.mode,
      logisticType: shipment.logisticType,
      trackingNumber: shipment.trackingNumber,
      mlUpdatedAt: shipment.mlUpdatedAt,
    },
    messages: messages.map((m) => ({
      id: m.id,
      mlMessageId: m.mlMessageId,
      fromUserId: idText(m.fromUserId),
      toUserId: idText(m.toUserId),
      text: m.text,
      status: m.status,
      sentAt: m.sentAt,
      readAt: m.readAt,
    })),
  };
}
