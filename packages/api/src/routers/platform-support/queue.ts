import type { Prisma } from '@vitrine/db';
import { compareNewestFirst, decodeCursor, encodeCursor, type KeysetPosition } from '../../lib/keyset.ts';
import { notFound } from '../../errors.ts';
import type { AuthedContext } from '../../trpc.ts';
import { peopleByIds, TICKET_NOT_FOUND } from '../support/thread.ts';
import type { QueueInput } from './inputs.ts';

type IndexRow = Prisma.SupportTicketIndexGetPayload<object>;
type Reader = (where: Prisma.SupportTicketIndexWhereInput, take: number) => Promise<IndexRow[]>;

const ORDER: Prisma.SupportTicketIndexOrderByWithRelationInput[] = [{ lastMessageAt: 'desc' }, { ticketId: 'desc' }];

/**
 * Where the index rows are: the pooled database for pooled stores, and each dedicated database for its store
 * (a ticket's index row is written in the ticket's own database, in the ticket's transaction). A queue page
 * reads every source and merges them.
 */
async function indexReaders(ctx: AuthedContext, tenantId?: string): Promise<Reader[]> {
  const dedicated = await ctx.db.platform.tenant.findMany({
    where: { databaseUrlEnc: { not: null }, ...(tenantId ? { id: tenantId } : {}) },
    select: { id: true },
  });
  const dedicatedIds = dedicated.map((t) => t.id);
  const readers: Reader[] = [];
  if (!tenantId || dedicatedIds.length === 0) {
    readers.push((where, take) =>
      ctx.db.platform.supportTicketIndex.findMany({ where: { AND: [where, { tenantId: { notIn: dedicatedIds } }] }, orderBy: ORDER, take }),
    );
  }
  for (const id of dedicatedIds) {
    const tdb = await ctx.db.forTenant(id);
    readers.push((where, take) => tdb.supportTicketIndex.findMany({ where: { AND: [where, { tenantId: id }] }, orderBy: ORDER, take }));
  }
  return readers;
}

const positionOf = (row: IndexRow): KeysetPosition => ({ createdAt: row.lastMessageAt, id: row.ticketId });

function afterPosition(position: KeysetPosition | null): Prisma.SupportTicketIndexWhereInput {
  if (!position) return {};
  return {
    lastMessageAt: { lte: position.createdAt },
    OR: [{ lastMessageAt: { lt: position.createdAt } }, { ticketId: { lt: position.id } }],
  };
}

/** Every store's tickets, most recent activity first, filtered by status, store and assignee; keyset paging. */
export async function listQueue(ctx: AuthedContext, input: QueueInput) {
  const where: Prisma.SupportTicketIndexWhereInput = { AND: [afterPosition(decodeCursor(input.cursor))] };
  if (input.status === 'ACTIVE') where.status = { not: 'CLOSED' };
  else if (input.status !== 'ALL') where.status = input.status;
  if (input.tenantId) where.tenantId = input.tenantId;
  if (input.assigned === 'me') where.assignedStaffUserId = ctx.user.id;
  if (input.assigned === 'nobody') where.assignedStaffUserId = null;

  const readers = await indexReaders(ctx, input.tenantId);
  const rows = (await Promise.all(readers.map((read) => read(where, input.limit + 1)))).flat();
  rows.sort((a, b) => compareNewestFirst(positionOf(a), positionOf(b)));
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];

  const [stores, people] = await Promise.all([
    ctx.db.platform.tenant.findMany({ where: { id: { in: [...new Set(page.map((r) => r.tenantId))] } }, select: { id: true, name: true, slug: true } }),
    peopleByIds(ctx, page.map((r) => r.assignedStaffUserId)),
  ]);
  const storeById = new Map(stores.map((s) => [s.id, s]));
  return {
    items: page.map((r) => ({
      ticketId: r.ticketId,
      tenantId: r.tenantId,
      store: storeById.get(r.tenantId) ?? null,
      number: r.number,
      subject: r.subject,
      status: r.status,
      priority: r.priority,
      lastAuthorKind: r.lastAuthorKind,
      lastMessageAt: r.lastMessageAt,
      createdAt: r.createdAt,
      assignedToMe: r.assignedStaffUserId === ctx.user.id,
      assignedTo: r.assignedStaffUserId ? (people.get(r.assignedStaffUserId)?.name ?? people.get(r.assignedStaffUserId)?.email ?? null) : null,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(positionOf(last)) : null,
  };
}

/**
 * The store a ticket belongs to, found through the index. The index row can be trusted: it is written only under
 * its own store (RLS) and points at that store's ticket (foreign key on tenant_id, ticket_id).
 */
export async function storeOfTicket(ctx: AuthedContext, ticketId: string): Promise<string> {
  for (const read of await indexReaders(ctx)) {
    const [row] = await read({ ticketId }, 1);
    if (row) return row.tenantId;
  }
  throw notFound(TICKET_NOT_FOUND);
}
