import { TRPCError } from '@trpc/server';
import { TenantNotFoundError, type Invitation, type TenantDb } from '@vitrine/db';
import { audit, memberActor } from '../../audit.ts';
import type { Context } from '../../context.ts';
import { assertWithinLimit } from '../../plans/index.ts';
import type { AuthedContext } from '../../trpc.ts';
import type { InvitationTokenInput } from './inputs.ts';
import { invitationStatus } from './invitations.ts';
import { hashInvitationToken, tenantIdOfToken } from './tokens.ts';

const UNKNOWN = 'This invitation link is not valid. Ask the store for a new invitation.';

/** Why an invitation cannot be accepted: a stable code beside the English sentence, for clients that say it in the person's language. */
export type InvitationRefusalReason = 'UNKNOWN' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED' | 'WRONG_ACCOUNT' | 'ALREADY_MEMBER';

export class InvitationRefusal extends Error {
  override name = 'InvitationRefusal';
  constructor(
    readonly reason: InvitationRefusalReason,
    message: string,
  ) {
    super(message);
  }
}

const refuse = (code: TRPCError['code'], reason: InvitationRefusalReason, message: string) =>
  new TRPCError({ code, message, cause: new InvitationRefusal(reason, message) });

/** The reason behind a refused preview or acceptance, if that is what the error is. */
export const invitationRefusalOf = (error: unknown): InvitationRefusalReason | undefined =>
  error instanceof TRPCError && error.cause instanceof InvitationRefusal ? error.cause.reason : undefined;

/** The store a token names and its invitation row, read inside that store only. */
async function findByToken(ctx: Context, token: string): Promise<{ tdb: TenantDb; tenantId: string; invitation: Invitation }> {
  const tenantId = tenantIdOfToken(token);
  const tdb = await ctx.db.forTenant(tenantId).catch((error: unknown) => {
    if (error instanceof TenantNotFoundError) throw refuse('NOT_FOUND', 'UNKNOWN', UNKNOWN);
    throw error;
  });
  const invitation = await tdb.invitation.findFirst({ where: { tokenHash: hashInvitationToken(token) } });
  if (!invitation) throw refuse('NOT_FOUND', 'UNKNOWN', UNKNOWN);
  return { tdb, tenantId, invitation };
}

const REFUSED = {
  ACCEPTED: 'This invitation was already accepted.',
  REVOKED: 'This invitation was withdrawn by the store. Ask them for a new one.',
  EXPIRED: 'This invitation has expired. Ask the store to send it again.',
} as const;

function refusalFor(invitation: Invitation): { reason: keyof typeof REFUSED; message: string } | null {
  const status = invitationStatus(invitation);
  return status === 'PENDING' ? null : { reason: status, message: REFUSED[status] };
}

/** What the accept page shows before the person accepts: the store, the invited email, the role, the state. */
export async function previewInvitation(ctx: Context, input: InvitationTokenInput) {
  const { tenantId, invitation } = await findByToken(ctx, input.token);
  const tenant = await ctx.db.platform.tenant.findUnique({ where: { id: tenantId }, select: { name: true, status: true } });
  if (!tenant || tenant.status === 'CANCELLED') throw refuse('NOT_FOUND', 'UNKNOWN', UNKNOWN);
  return {
    storeName: tenant.name,
    email: invitation.email,
    role: invitation.role,
    status: invitationStatus(invitation),
    problem: refusalFor(invitation)?.message ?? null,
    expiresAt: invitation.expiresAt,
  };
}

/**
 * The signed-in person accepts: they must be signed in with the invited email. The membership, the
 * invitation's acceptance and the audit row are written together; the row lock makes a double click one
 * membership.
 */
export async function acceptInvitation(ctx: AuthedContext, input: InvitationTokenInput) {
  const { tdb, tenantId, invitation: found } = await findByToken(ctx, input.token);
  if (found.email !== ctx.user.email.toLowerCase()) {
    throw refuse('FORBIDDEN', 'WRONG_ACCOUNT', `This invitation is for ${found.email}, but you are signed in as ${ctx.user.email}. Sign in with the invited email to accept it.`);
  }
  return tdb.$scoped(async (tx) => {
    await tx.$queryRaw`SELECT id FROM invitations WHERE id = ${found.id} FOR UPDATE`;
    const invitation = await tx.invitation.findFirstOrThrow({ where: { id: found.id } });
    const refusal = refusalFor(invitation);
    if (refusal) throw refuse('CONFLICT', refusal.reason, refusal.message);
    const existing = await tx.membership.findFirst({ where: { userId: ctx.user.id }, select: { id: true } });
    if (existing) throw refuse('CONFLICT', 'ALREADY_MEMBER', 'You are already a member of this store.');
    // The invitation held its seat since it was sent; this refuses only a store now past its plan (after a downgrade).
    await assertWithinLimit(tx, { id: tenantId }, 'staffUsers', 0);
    const membership = await tx.membership.create({
      data: { tenantId, userId: ctx.user.id, role: invitation.role, permissions: invitation.permissions },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date(), acceptedByUserId: ctx.user.id } });
    await audit(tx, memberActor(ctx), {
      tenantId,
      action: 'team.invitation_accepted',
      targetType: 'membership',
      targetId: membership.id,
      data: { invitationId: invitation.id, email: invitation.email, role: invitation.role },
    });
    return { tenantId, membershipId: membership.id, role: membership.role };
  });
}
