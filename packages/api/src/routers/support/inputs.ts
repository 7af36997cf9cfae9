import { z } from 'zod';
import { SupportTicketPriority, SupportTicketStatus } from '@vitrine/db';
import { idSchema } from '../../lib/schemas.ts';

export const TICKET_STATUSES = Object.values(SupportTicketStatus);
export const TICKET_PRIORITIES = Object.values(SupportTicketPriority);

export const subjectSchema = z
  .string({ message: 'Write a subject' })
  .trim()
  .min(3, 'Write a subject of at least 3 characters')
  .max(150, 'Keep the subject under 150 characters');

export const messageBodySchema = z
  .string({ message: 'Write a message' })
  .trim()
  .min(1, 'Write a message')
  .max(10_000, 'Keep the message under 10,000 characters');

export const prioritySchema = z.enum(TICKET_PRIORITIES, { message: 'Choose a priority: low, normal, high or urgent' });
export const statusSchema = z.enum(TICKET_STATUSES, { message: 'Choose a status: open, waiting on staff, waiting on the store or closed' });

export const openTicketInput = z.object({
  subject: subjectSchema,
  body: messageBodySchema,
  priority: prioritySchema.default('NORMAL'),
});
export type OpenTicketInput = z.infer<typeof openTicketInput>;

export const listTicketsInput = z.object({
  /** ACTIVE: every ticket that is not closed. */
  status: z.enum(['ACTIVE', 'ALL', ...TICKET_STATUSES], { message: 'Choose a status filter' }).default('ALL'),
});
export type ListTicketsInput = z.infer<typeof listTicketsInput>;

export const ticketIdInput = z.object({ ticketId: idSchema });
export type TicketIdInput = z.infer<typeof ticketIdInput>;

export const replyInput = z.object({ ticketId: idSchema, body: messageBodySchema });
export type ReplyInput = z.infer<typeof replyInput>;
