import type { ScopedTransaction } from '@vitrine/db';
import { audit, staffActor, type AuditEntry } from '../../audit.ts';
import { conflict, notFound } from '../../errors.ts';
import type { AuthedContext } from '../../trpc.ts';
import { emailStaffReply } from '../support/emails.ts';
import { addMessage, lockTicket, readThread, setStatus, updateTicket, type Ticket } from '../support/thread.ts';
import type { AssignInput, ChangePriorityInput, ChangeStatusInput, StaffReplyInput, StaffTicketInput } from './inputs.ts';
import { storeOfTicket } from './queue.ts';

/**
 * The platform's side of a ticket. Staff reach the ticket's store through forTenant(its id), found in the
 * index, so every read and write is still confined to that one store by RLS; each action (reading included)
 * leaves a row in the store's audit log naming the staff member (actor_platform_user_id).
 */

type Store = { id: string; name: string; slug: string; locale: string };

async function storeRow(ctx: AuthedContext, tenantId: string): Promise<Store> {
  const store = await ctx.db.platform.tenant.findUnique({ where: { id: tenantId }, select: { id: true, name: true, slug: true, locale: true } });
  if (!store) throw notFound('The store of this ticket no longer exists.');
  return store;
}

/** Runs `change` on the locked ticket in its store's transaction, with the audit row of what it did. */
async function onTicket<T>(
  ctx: AuthedContext,
  ticketId: string,
  change: (tx: ScopedTransaction, ticket: Ticket, store: Store) => Promise<{ result: T; audit: Omit<AuditEntry, 'tenantId' | 'targetType' | 'targetId'> }>,
): Promise<T> {
  const store = await storeRow(ctx, await storeOfTicket(ctx, ticketId));
  const tdb = await ctx.db.forTenant(store.id);
  return tdb.$scoped(async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    const done = await change(tx, ticket, store);
    await audit(tx, staffActor(ctx), { tenantId: store.id, targetType: 'support_ticket', targetId: ticket.id, ...done.audit });
    return done.result;
  });
}

export async function getStaffTicket(ctx: AuthedContext, input: StaffTicketInput) {
  const store = await storeRow(ctx, await storeOfTicket(ctx, input.ticketId));
  const tdb = await ctx.db.forTenant(store.id);
  const thread = await readThread(ctx, tdb, input.ticketId, 'STAFF');
  await tdb.$scoped((tx) =>
    audit(tx, staffActor(ctx), { tenantId: store.id, action: 'support.ticket_viewed_by_staff', targetType: 'support_ticket', targetId: input.ticketId }),
  );
  return { ...thread, store: { id: store.id, name: store.name, slug: store.slug }, assignedToMe: thread.ticket.assignedStaffUserId === ctx.user.id };
}

export function staffReply(ctx: AuthedContext, input: StaffReplyInput) {
  return onTicket(ctx, input.ticketId, async (tx, current, store) => {
    const { ticket, messageId } = await addMessage(tx, current, { userId: ctx.user.id, kind: 'STAFF' }, input.body);
    await emailStaffReply(ctx, tx, store, ticket, input.body);
    return { result: { id: ticket.id, status: ticket.status }, audit: { action: 'support.staff_replied', data: { messageId } } };
  });
}

export function assignTicket(ctx: AuthedContext, input: AssignInput) {
  return onTicket(ctx, input.ticketId, async (tx, current) => {
    const assignedStaffUserId = input.assignee === 'me' ? ctx.user.id : null;
    if (current.assignedStaffUserId === assignedStaffUserId) {
      throw conflict(assignedStaffUserId ? 'This ticket is already assigned to you.' : 'This ticket is not assigned to anyone.');
    }
    const ticket = await updateTicket(tx, current, { assignedStaffUserId });
    return {
      result: { id: ticket.id, assignedStaffUserId: ticket.assignedStaffUserId },
      audit: { action: 'support.ticket_assigned', data: { from: current.assignedStaffUserId, to: assignedStaffUserId } },
    };
  });
}

export function changeTicketStatus(ctx: AuthedContext, input: ChangeStatusInput) {
  return onTicket(ctx, input.ticketId, async (tx, current) => {
    if (current.status === input.status) throw conflict('The ticket already has this status.');
    const ticket = await setStatus(tx, current, input.status);
    return { result: { id: ticket.id, status: ticket.status }, audit: { action: 'support.status_changed', data: { from: current.status, to: ticket.status } } };
  });
}

export function changeTicketPriority(ctx: AuthedContext, input: ChangePriorityInput) {
  return onTicket(ctx, input.ticketId, async (tx, current) => {
    if (current.priority === input.priority) throw conflict('The ticket already has this priority.');
    const ticket = await updateTicket(tx, current, { priority: input.priority });
    return {
      result: { id: ticket.id, priority: ticket.priority },
      audit: { action: 'support.priority_changed', data: { from: current.priority, to: ticket.priority } },
    };
  });
}
