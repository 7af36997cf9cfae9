import { authedProcedure, publicProcedure, router, tenantProcedure } from '../../trpc.ts';
import { acceptInvitation, previewInvitation } from './accept.ts';
import { changeMemberInput, invitationIdInput, invitationTokenInput, inviteInput, membershipIdInput } from './inputs.ts';
import { invite, resendInvitation, revokeInvitation } from './invitations.ts';
import { changeMember, leaveStore, listTeam, removeMember } from './members.ts';

/** A store's team: OWNER and ADMIN manage it ('team:manage'); only an owner makes or changes owners. */
export const teamRouter = router({
  /** Members and pending invitations. */
  list: tenantProcedure('team:manage').query(({ ctx }) => listTeam(ctx)),
  invite: tenantProcedure('team:manage').input(inviteInput).mutation(({ ctx, input }) => invite(ctx, input)),
  resend: tenantProcedure('team:manage').input(invitationIdInput).mutation(({ ctx, input }) => resendInvitation(ctx, input)),
  revoke: tenantProcedure('team:manage').input(invitationIdInput).mutation(({ ctx, input }) => revokeInvitation(ctx, input)),
  /** Role and fine permissions; the last owner cannot be demoted. */
  change: tenantProcedure('team:manage').input(changeMemberInput).mutation(({ ctx, input }) => changeMember(ctx, input)),
  /** The last owner cannot be removed. */
  remove: tenantProcedure('team:manage').input(membershipIdInput).mutation(({ ctx, input }) => removeMember(ctx, input)),
  /** Any member may leave the active store, except its last owner. */
  leave: authedProcedure.mutation(({ ctx }) => leaveStore(ctx)),
  invitation: router({
    /** The accept page, before signing in: store, invited email, role and state. */
    preview: publicProcedure.input(invitationTokenInput).query(({ ctx, input }) => previewInvitation(ctx, input)),
    accept: authedProcedure.input(invitationTokenInput).mutation(({ ctx, input }) => acceptInvitation(ctx, input)),
  }),
});
