import { enqueueInTransaction } from '@vitrine/queue';
import type { Invitation, ScopedTransaction } from '@vitrine/db';
import { audit, memberActor } from '../../audit.ts';
import { conflict, forbidden, notFound } from '../../errors.ts';
import { assertWithinLimit } from '../../plans/index.ts';
import type { TenantContext } from '../../trpc.ts';
import type { InvitationIdInput, InviteInput } from './inputs.ts';
import { invitationEmail } from './invitation-email.ts';
import { invitationExpiry, invitationUrl, newInvitationToken } from './tokens.ts';

const INVITATION_NOT_FOUND = 'This invitation does not exist in this store.';

/** Only an owner may make someone an owner. */
export function assertMayGrant(ctx: TenantContext, role: InviteInput['role']): void {
  if (role === 'OWNER' && ctx.membership.role !== 'OWNER') throw forbidden('Only an owner can make someone an owner.');
}

/**
 * Invites a person by email: the invitation row (token kept as SHA-256), its 'email.send' job in the outbox
 * and the audit row, in one transaction. A member or a pending invitation for the same email is refused.
 */
export async function invite(ctx: TenantContext, input: InviteInput) {
  assertMayGrant(ctx, input.role);
  const permissions = input.role === 'STAFF' ? input.permissions : [];
  return ctx.tdb.$scoped(async (tx) => {
    const member = await tx.membership.findFirst({ where: { user: { email: input.email } }, select: { id: true } });
    if (member) throw conflict(`${input.email} is already a member of this store.`);
    const pending = await tx.invitation.findFirst({
      where: { email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true },
    });
    if (pending) throw conflict(`${input.email} already has a pending invitation. Send it again from the list instead.`);
    // A pending invitation holds a seat of the plan's team members until it is accepted, revoked or expires.
    await assertWithinLimit(tx, ctx.tenant, 'staffUsers');

    const { token, tokenHash } = newInvitationToken(ctx.tenant.id);
    const invitation = await tx.invitation.create({
      data: {
        tenantId: ctx.tenant.id,
        email: input.email,
        role: input.role,
        permissions,
        tokenHash,
        invitedByUserId: ctx.user.id,
        expiresAt: invitationExpiry(),
      },
    });
    await sendInvitationEmail(ctx, tx, invitation, token);
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: 'team.invitation_sent',
      targetType: 'invitation',
      targetId: invitation.id,
      data: { email: input.email, role: input.role, permissions },
    });
    return publicInvitation(invitation);
  });
}

/**
 * Sends a pending invitation again with a new token (the old link stops working: only hashes are kept)
 * and a new 7-day validity.
 */
export async function resendInvitation(ctx: TenantContext, input: InvitationIdInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const current = await lockInvitation(tx, input.invitationId);
    if (current.acceptedAt) throw conflict('This invitation was already accepted.');
    if (current.revokedAt) throw conflict('This invitation was revoked. Invite the person again.');
    assertMayGrant(ctx, current.role);
    // An expired invitation gave its seat back: sending it again takes one.
    if (invitationStatus(current) === 'EXPIRED') await assertWithinLimit(tx, ctx.tenant, 'staffUsers');
    const { token, tokenHash } = newInvitationToken(ctx.tenant.id);
    const invitation = await tx.invitation.update({
      where: { id: current.id },
      data: { tokenHash, expiresAt: invitationExpiry(), lastSentAt: new Date() },
    });
    await sendInvitationEmail(ctx, tx, invitation, token);
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: 'team.invitation_resent',
      targetType: 'invitation',
      targetId: invitation.id,
      data: { email: invitation.email },
    });
    return publicInvitation(invitation);
  });
}

export async function revokeInvitation(ctx: TenantContext, input: InvitationIdInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const current = await lockInvitation(tx, input.invitationId);
    if (current.acceptedAt) throw conflict('This invitation was already accepted. Remove the member instead.');
    if (current.revokedAt) return publicInvitation(current);
    assertMayGrant(ctx, current.role);
    const invitation = await tx.invitation.update({ where: { id: current.id }, data: { revokedAt: new Date() } });
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: 'team.invitation_revoked',
      targetType: 'invitation',
      targetId: invitation.id,
      data: { email: invitation.email },
    });
    return publicInvitation(invitation);
  });
}

async function lockInvitation(tx: ScopedTransaction, id: string): Promise<Invitation> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM invitations WHERE id = ${id} FOR UPDATE`;
  const invitation = rows.length ? await tx.invitation.findFirst({ where: { id } }) : null;
  if (!invitation) throw notFound(INVITATION_NOT_FOUND);
  return invitation;
}

async function sendInvitationEmail(ctx: TenantContext, tx: ScopedTransaction, invitation: Invitation, token: string) {
  const email = invitationEmail({
    storeName: ctx.tenant.name,
    inviterEmail: ctx.user.email,
    role: invitation.role,
    url: invitationUrl(ctx.appUrl, token),
  });
  await enqueueInTransaction(tx, {
    queue: 'email',
    name: 'email.send',
    payload: { to: invitation.email, ...email, kind: 'team.invitation', tenantId: ctx.tenant.id },
    tenantId: ctx.tenant.id,
  });
}

export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED';

export function invitationStatus(invitation: Pick<Invitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now = new Date()): InvitationStatus {
  if (invitation.acceptedAt) return 'ACCEPTED';
  if (invitation.revokedAt) return 'REVOKED';
  if (invitation.expiresAt <= now) return 'EXPIRED';
  return 'PENDING';
}

/** What the admin sees of an invitation (never the token hash). */
export function publicInvitation(invitation: Invitation) {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    permissions: invitation.permissions,
    status: invitationStatus(invitation),
    expiresAt: invitation.expiresAt,
    lastSentAt: invitation.lastSentAt,
    createdAt: invitation.createdAt,
  };
}
