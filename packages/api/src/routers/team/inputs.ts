import { z } from 'zod';
import { FINE_PERMISSIONS } from '../../permissions.ts';
import { idSchema } from '../../lib/schemas.ts';

export const roleSchema = z.enum(['OWNER', 'ADMIN', 'STAFF'], { message: 'Choose a role: owner, admin or staff' });
export const finePermissionsSchema = z
  .array(z.enum(FINE_PERMISSIONS, { message: `Permissions are among: ${FINE_PERMISSIONS.join(', ')}` }))
  .max(FINE_PERMISSIONS.length)
  .default([])
  .transform((list) => [...new Set(list)].sort());

export const inviteInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'Enter a valid email address' }).max(254, 'This email address is too long')),
  role: roleSchema,
  permissions: finePermissionsSchema,
});
export type InviteInput = z.infer<typeof inviteInput>;

export const invitationIdInput = z.object({ invitationId: idSchema });
export type InvitationIdInput = z.infer<typeof invitationIdInput>;

export const changeMemberInput = z.object({ membershipId: idSchema, role: roleSchema, permissions: finePermissionsSchema });
export type ChangeMemberInput = z.infer<typeof changeMemberInput>;

export const membershipIdInput = z.object({ membershipId: idSchema });
export type MembershipIdInput = z.infer<typeof membershipIdInput>;

/** Invitation tokens look like inv_<store id>.<43 url-safe characters>. */
export const invitationTokenInput = z.object({
  token: z.string().trim().regex(/^inv_[a-z0-9]{1,64}\.[A-Za-z0-9_-]{43}$/, 'This invitation link is not valid. Check that you copied all of it.'),
});
export type InvitationTokenInput = z.infer<typeof invitationTokenInput>;
