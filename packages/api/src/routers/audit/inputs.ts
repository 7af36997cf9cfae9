import { z } from 'zod';
import { idSchema } from '../../lib/schemas.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-28').refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'This date does not exist');

export const auditListInput = z
  .object({
    action: z.string().trim().min(1).max(80, 'This action name is too long').optional(),
    actorUserId: idSchema.optional(),
    targetType: z.string().trim().min(1).max(60, 'This target type is too long').optional(),
    /** First day included (UTC). */
    from: day.optional(),
    /** Last day included (UTC). */
    to: day.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1, 'Ask for at least 1 entry').max(100, 'Ask for at most 100 entries at a time').default(50),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'The start date must be on or before the end date', path: ['to'] });
export type AuditListInput = z.infer<typeof auditListInput>;
