import { platformAdminProcedure, router } from '../../trpc.ts';
import { assignInput, changePriorityInput, changeStatusInput, queueInput, staffReplyInput, staffTicketInput } from './inputs.ts';
import { listQueue } from './queue.ts';
import { assignTicket, changeTicketPriority, changeTicketStatus, getStaffTicket, staffReply } from './tickets.ts';

/** Platform staff (SUPER_ADMIN) answering every store's tickets; each action is in the store's audit log. */
export const platformSupportRouter = router({
  queue: platformAdminProcedure.input(queueInput).query(({ ctx, input }) => listQueue(ctx, input)),
  get: platformAdminProcedure.input(staffTicketInput).query(({ ctx, input }) => getStaffTicket(ctx, input)),
  /** The store's person who opened the ticket gets an email. */
  reply: platformAdminProcedure.input(staffReplyInput).mutation(({ ctx, input }) => staffReply(ctx, input)),
  assign: platformAdminProcedure.input(assignInput).mutation(({ ctx, input }) => assignTicket(ctx, input)),
  setStatus: platformAdminProcedure.input(changeStatusInput).mutation(({ ctx, input }) => changeTicketStatus(ctx, input)),
  setPriority: platformAdminProcedure.input(changePriorityInput).mutation(({ ctx, input }) => changeTicketPriority(ctx, input)),
});
