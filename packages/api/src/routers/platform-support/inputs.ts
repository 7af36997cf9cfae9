import { z } from 'zod';
import { cursorInput } from '../../lib/keyset.ts';
import { idSchema, limitSchema } from '../../lib/schemas.ts';
import { messageBodySchema, prioritySchema, statusSchema, TICKET_STATUSES } from '../support/inputs.ts';

export const queueInput = z.object({
  /** ACTIVE: every ticket that is not closed. */
  status: z.enum(['ACTIVE', 'ALL', ...TICKET_STATUSES], { message: 'Choose a status filter' }).default('ACTIVE'),
  tenantId: idSchema.optional(),
  /** me: assigned to the caller; nobody: not assigned yet. */
  assigned: z.enum(['any', 'me', 'nobody'], { message: 'Choose: anyone, me or nobody' }).default('any'),
  limit: limitSchema.default(50),
  cursor: cursorInput,
});
export type QueueInput = z.infer<typeof queueInput>;

export const staffTicketInput = z.object({ ticketId: idSchema });
export type StaffTicketInput = z.infer<typeof staffTicketInput>;

export const staffReplyInput = z.object({ ticketId: idSchema, body: messageBodySchema });
export type StaffReplyInput = z.infer<typeof staffReplyInput>;

export const assignInput = z.object({
  ticketId: idSchema,
  /** me: the caller takes the ticket; nobody: gives it back to the queue. */
  assignee: z.enum(['me', 'nobody'], { message: 'Assign the ticket to yourself or to nobody' }),
});
export type AssignInput = z.infer<typeof assignInput>;

export const changeStatusInput = z.object({ ticketId: idSchema, status: statusSchema });
export type ChangeStatusInput = z.infer<typeof changeStatusInput>;

export const changePriorityInput = z.object({ ticketId: idSchema, priority: prioritySchema });
export type ChangePriorityInput = z.infer<typeof changePriorityInput>;
