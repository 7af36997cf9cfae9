import type { Prisma, ScopedTransaction, SupportAuthorKind, SupportTicketStatus, TenantDb } from '@vitrine/db';
import { conflict, notFound } from '../../errors.ts';
import type { Context } from '../../context.ts';

/**
 * A ticket and its messages inside one store, shared by the store's side (support router) and the platform's
 * side (platformSupport router, which reaches the store through forTenant). Every change also rewrites the
 * ticket's row in support_ticket_index, in the same transaction (see 20261128050400_support/migration.sql).
 */

export const TICKET_NOT_FOUND = 'There is no such ticket in this store.';
const CLOSED = 'This ticket is closed. Reopen it to write again.';

export type Ticket = Prisma.SupportTicketGetPayload<object>;

/** The next ticket number of the store (1, 2, …); an advisory lock per store keeps two new tickets apart. */
export async function nextTicketNumber(tx: ScopedTransaction, tenantId: string): Promise<number> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`support_tickets.number:${tenantId}`}))::text`;
  const [row] = await tx.$queryRaw<{ next: number }[]>`SELECT (COALESCE(MAX(number), 0) + 1)::int AS next FROM support_tickets`;
  return row!.next;
}

/** The ticket, locked for the rest of the transaction (replies and status changes on it wait for each other). */
export async function lockTicket(tx: ScopedTransaction, ticketId: string): Promise<Ticket> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM support_tickets WHERE id = ${ticketId} FOR UPDATE`;
  const ticket = rows.length ? await tx.supportTicket.findFirst({ where: { id: ticketId } }) : null;
  if (!ticket) throw notFound(TICKET_NOT_FOUND);
  return ticket;
}

/** Rewrites the ticket's headline in the platform-level index; `lastAuthorKind` when a message was just added. */
export async function indexTicket(tx: ScopedTransaction, ticket: Ticket, lastAuthorKind?: SupportAuthorKind): Promise<void> {
  const headline = {
    number: ticket.number,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    assignedStaffUserId: ticket.assignedStaffUserId,
    lastMessageAt: ticket.lastMessageAt,
  };
  if (lastAuthorKind) {
    await tx.supportTicketIndex.upsert({
      where: { ticketId: ticket.id },
      create: { ticketId: ticket.id, tenantId: ticket.tenantId, createdAt: ticket.createdAt, lastAuthorKind, ...headline },
      update: { ...headline, lastAuthorKind },
    });
  } else {
    await tx.supportTicketIndex.update({ where: { ticketId: ticket.id }, data: headline });
  }
}

/** The status a ticket takes when one side writes: it is then the other side's turn. */
const statusAfter = (kind: SupportAuthorKind): SupportTicketStatus => (kind === 'STAFF' ? 'WAITING_ON_TENANT' : 'WAITING_ON_STAFF');

/** Adds a message to an open ticket (a closed one must be reopened first) and hands the turn to the other side. */
export async function addMessage(
  tx: ScopedTransaction,
  ticket: Ticket,
  author: { userId: string; kind: SupportAuthorKind },
  body: string,
): Promise<{ ticket: Ticket; messageId: string }> {
  if (ticket.status === 'CLOSED') throw conflict(CLOSED);
  const message = await tx.supportMessage.create({
    data: { tenantId: ticket.tenantId, ticketId: ticket.id, authorUserId: author.userId, authorKind: author.kind, body },
  });
  const updated = await tx.supportTicket.update({
    where: { id: ticket.id },
    data: { status: statusAfter(author.kind), lastMessageAt: message.createdAt },
  });
  await indexTicket(tx, updated, author.kind);
  return { ticket: updated, messageId: message.id };
}

/** Opens a ticket with its first message (status OPEN until someone answers). */
export async function createTicket(
  tx: ScopedTransaction,
  tenantId: string,
  input: { subject: string; body: string; priority: Ticket['priority']; createdByUserId: string },
): Promise<Ticket> {
  const number = await nextTicketNumber(tx, tenantId);
  const ticket = await tx.supportTicket.create({
    data: { tenantId, number, subject: input.subject, priority: input.priority, createdByUserId: input.createdByUserId, status: 'OPEN' },
  });
  const message = await tx.supportMessage.create({
    data: { tenantId, ticketId: ticket.id, authorUserId: input.createdByUserId, authorKind: 'TENANT', body: input.body },
  });
  const opened = await tx.supportTicket.update({ where: { id: ticket.id }, data: { lastMessageAt: message.createdAt } });
  await indexTicket(tx, opened, 'TENANT');
  return opened;
}

/** Moves a ticket to `status` (closing stamps closed_at; any other status clears it). */
export async function setStatus(tx: ScopedTransaction, ticket: Ticket, status: SupportTicketStatus): Promise<Ticket> {
  const updated = await tx.supportTicket.update({
    where: { id: ticket.id },
    data: { status, closedAt: status === 'CLOSED' ? new Date() : null },
  });
  await indexTicket(tx, updated);
  return updated;
}

export async function updateTicket(tx: ScopedTransaction, ticket: Ticket, data: { assignedStaffUserId?: string | null; priority?: Ticket['priority'] }): Promise<Ticket> {
  const updated = await tx.supportTicket.update({ where: { id: ticket.id }, data });
  await indexTicket(tx, updated);
  return updated;
}

/** Who wrote what: the platform users behind the ids (names and emails). */
export async function peopleByIds(ctx: Pick<Context, 'db'>, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map<string, { name: string | null; email: string }>();
  const users = await ctx.db.platform.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((u) => [u.id, { name: u.name, email: u.email }]));
}

/**
 * A ticket with its messages, oldest first, as one side sees it. The store sees platform staff by first name
 * only ("Vitrine support"), never their email; staff see everyone.
 */
export async function readThread(ctx: Pick<Context, 'db'>, tdb: TenantDb, ticketId: string, viewer: SupportAuthorKind) {
  const ticket = await tdb.supportTicket.findFirst({
    where: { id: ticketId },
    include: { messages: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
  });
  if (!ticket) throw notFound(TICKET_NOT_FOUND);
  const people = await peopleByIds(ctx, [
    ticket.createdByUserId,
    ticket.assignedStaffUserId,
    ...ticket.messages.map((m) => m.authorUserId),
  ]);
  const label = (userId: string | null, kind: SupportAuthorKind) => {
    if (!userId) return null;
    const person = people.get(userId);
    if (kind === 'STAFF' && viewer === 'TENANT') return person?.name ? `${person.name.split(' ')[0]} (Vitrine support)` : 'Vitrine support';
    return person ? (person.name ? `${person.name} <${person.email}>` : person.email) : 'A former member';
  };
  const { messages, ...rest } = ticket;
  return {
    ticket: { ...rest, createdBy: label(rest.createdByUserId, 'TENANT'), assignedTo: label(rest.assignedStaffUserId, 'STAFF') },
    messages: messages.map((m) => ({ id: m.id, authorKind: m.authorKind, author: label(m.authorUserId, m.authorKind), body: m.body, createdAt: m.createdAt })),
  };
}
