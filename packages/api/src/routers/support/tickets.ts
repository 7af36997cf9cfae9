import type { Prisma } from '@vitrine/db';
import { audit, memberActor } from '../../audit.ts';
import { conflict } from '../../errors.ts';
import type { TenantContext } from '../../trpc.ts';
import { emailStoreMessage } from './emails.ts';
import type { ListTicketsInput, OpenTicketInput, ReplyInput, TicketIdInput } from './inputs.ts';
import { addMessage, createTicket, lockTicket, readThread, setStatus } from './thread.ts';

/** The store's side of support: its team and platform staff talk in tickets (see thread.ts). */

const LIST_LIMIT = 200;

/** The store's tickets, most recent activity first. */
export async function listTickets(ctx: TenantContext, input: ListTicketsInput) {
  const where: Prisma.SupportTicketWhereInput =
    input.status === 'ALL' ? {} : input.status === 'ACTIVE' ? { status: { not: 'CLOSED' } } : { status: input.status };
  const tickets = await ctx.tdb.supportTicket.findMany({
    where,
    orderBy: [{ lastMessageAt: 'desc' }, { id: 'desc' }],
    take: LIST_LIMIT,
    select: { id: true, number: true, subject: true, status: true, priority: true, lastMessageAt: true, createdAt: true },
  });
  return { tickets };
}

export async function openTicket(ctx: TenantContext, input: OpenTicketInput) {
  const ticket = await ctx.tdb.$scoped(async (tx) => {
    const ticket = await createTicket(tx, ctx.tenant.id, { ...input, createdByUserId: ctx.user.id });
    await emailStoreMessage(ctx, tx, ctx.tenant, ticket, input.body, 'opened');
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: 'support.ticket_opened',
      targetType: 'support_ticket',
      targetId: ticket.id,
      data: { number: ticket.number, subject: ticket.subject, priority: ticket.priority },
    });
    return ticket;
  });
  return { id: ticket.id, number: ticket.number, status: ticket.status };
}

export function getTicket(ctx: TenantContext, input: TicketIdInput) {
  return readThread(ctx, ctx.tdb, input.ticketId, 'TENANT');
}

export async function replyToTicket(ctx: TenantContext, input: ReplyInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const current = await lockTicket(tx, input.ticketId);
    const { ticket, messageId } = await addMessage(tx, current, { userId: ctx.user.id, kind: 'TENANT' }, input.body);
    await emailStoreMessage(ctx, tx, ctx.tenant, ticket, input.body, 'replied');
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: 'support.reply_sent',
      targetType: 'support_ticket',
      targetId: ticket.id,
      data: { messageId },
    });
    return { id: ticket.id, status: ticket.status };
  });
}

export async function closeTicket(ctx: TenantContext, input: TicketIdInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const current = await lockTicket(tx, input.ticketId);
    if (current.status === 'CLOSED') throw conflict('This ticket is already closed.');
    const ticket = await setStatus(tx, current, 'CLOSED');
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: 'support.ticket_closed',
      targetType: 'support_ticket',
      targetId: ticket.id,
      data: { from: current.status },
    });
    return { id: ticket.id, status: ticket.status };
  });
}

/** A closed ticket comes back as waiting on staff: the store reopened it because it needs something. */
export async function reopenTicket(ctx: TenantContext, input: TicketIdInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const current = await lockTicket(tx, input.ticketId);
    if (current.status !== 'CLOSED') throw conflict('Only a closed ticket can be reopened.');
    const ticket = await setStatus(tx, current, 'WAITING_ON_STAFF');
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: 'support.ticket_reopened',
      targetType: 'support_ticket',
      targetId: ticket.id,
    });
    return { id: ticket.id, status: ticket.status };
  });
}
