import { moduleProcedure } from '../../modules/procedure.ts';
import { router } from '../../trpc.ts';
import { listTicketsInput, openTicketInput, replyInput, ticketIdInput } from './inputs.ts';
import { closeTicket, getTicket, listTickets, openTicket, reopenTicket, replyToTicket } from './tickets.ts';

/**
 * Support tickets between the active store's team and platform staff: OWNER and ADMIN always, STAFF with the
 * `support` permission. The platform's side is platformSupport.
 */
export const supportRouter = router({
  list: moduleProcedure('support', 'support:read').input(listTicketsInput).query(({ ctx, input }) => listTickets(ctx, input)),
  /** The ticket with its messages, oldest first. */
  get: moduleProcedure('support', 'support:read').input(ticketIdInput).query(({ ctx, input }) => getTicket(ctx, input)),
  /** A subject and the first message; the support inbox (or the assigned staff member) gets an email. */
  open: moduleProcedure('support', 'support:write').input(openTicketInput).mutation(({ ctx, input }) => openTicket(ctx, input)),
  reply: moduleProcedure('support', 'support:write').input(replyInput).mutation(({ ctx, input }) => replyToTicket(ctx, input)),
  close: moduleProcedure('support', 'support:write').input(ticketIdInput).mutation(({ ctx, input }) => closeTicket(ctx, input)),
  reopen: moduleProcedure('support', 'support:write').input(ticketIdInput).mutation(({ ctx, input }) => reopenTicket(ctx, input)),
});
