import { TenantNotFoundError, type Membership, type MembershipRole, type ScopedTransaction, type TenantDb } from '@vitrine/db';
import { audit, memberActor } from '../../audit.ts';
import { badRequest, conflict, forbidden, notFound } from '../../errors.ts';
import type { AuthedContext, TenantContext } from '../../trpc.ts';
import type { ChangeMemberInput, MembershipIdInput } from './inputs.ts';
import { publicInvitation } from './invitations.ts';

const MEMBER_NOT_FOUND = 'This person is not a member of this store.';
const NO_ACCESS = 'You do not have access to this store.';
const LAST_OWNER = 'A store needs at least one owner. Make someone else an owner first.';

/** The team page: members with their email, and the invitations (newest first). */
export async function listTeam(ctx: TenantContext) {
  const [members, invitations] = await Promise.all([
    ctx.tdb.membership.findMany({
      select: { id: true, userId: true, role: true, permissions: true, createdAt: true, user: { select: { email: true, name: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    ctx.tdb.invitation.findMany({ where: { acceptedAt: null }, orderBy: { createdAt: 'desc' }, take: 100 }),
  ]);
  return {
    me: { membershipId: ctx.membership.id, role: ctx.membership.role },
    members: members.map((m) => ({
      id: m.id,
      userId: m.userId,
      email: m.user.email,
      name: m.user.name,
      role: m.role,
      permissions: m.role === 'STAFF' ? m.permissions : [],
      createdAt: m.createdAt,
    })),
    invitations: invitations.map(publicInvitation),
  };
}

/**
 * Locks the store's owner rows for the rest of the transaction, then returns how many remain. Two
 * concurrent demotions or removals of owners wait for each other here, and the second one counts again
 * after the first has committed, so they cannot both leave the store without an owner.
 */
async function lockOwners(tx: ScopedTransaction): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM memberships WHERE role = 'OWNER' ORDER BY id FOR UPDATE`;
  return rows.length;
}

async function lockMember(tx: ScopedTransaction, id: string): Promise<Membership> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM memberships WHERE id = ${id} FOR UPDATE`;
  const member = rows.length ? await tx.membership.findFirst({ where: { id } }) : null;
  if (!member) throw notFound(MEMBER_NOT_FOUND);
  return member;
}

/** Managing an owner (or making one) is for owners; admins manage admins and staff. */
function assertMayManage(caller: { role: MembershipRole }, target: { role: MembershipRole }, newRole?: MembershipRole) {
  if (caller.role === 'OWNER') return;
  if (target.role === 'OWNER') throw forbidden('Only an owner can change or remove an owner.');
  if (newRole === 'OWNER') throw forbidden('Only an owner can make someone an owner.');
}

export async function changeMember(ctx: TenantContext, input: ChangeMemberInput) {
  return ctx.tdb.$scoped(async (tx) => {
    const owners = await lockOwners(tx);
    const member = await lockMember(tx, input.membershipId);
    assertMayManage(ctx.membership, member, input.role);
    if (member.role === 'OWNER' && input.role !== 'OWNER' && owners <= 1) throw conflict(LAST_OWNER);
    const permissions = input.role === 'STAFF' ? input.permissions : [];
    const updated = await tx.membership.update({ where: { id: member.id }, data: { role: input.role, permissions } });
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenant.id,
      action: 'team.member_changed',
      targetType: 'membership',
      targetId: member.id,
      data: { userId: member.userId, from: { role: member.role, permissions: member.permissions }, to: { role: input.role, permissions } },
    });
    return { id: updated.id, role: updated.role, permissions: updated.permissions };
  });
}

export async function removeMember(ctx: TenantContext, input: MembershipIdInput) {
  return removeMembership({ ...ctx, tenantId: ctx.tenant.id }, input.membershipId, 'team.member_removed');
}

/** The caller leaves the active store (any role may; the last owner may not). */
export async function leaveStore(ctx: AuthedContext) {
  if (!ctx.activeTenantId) throw badRequest('Choose a store to work on first.');
  const tenantId = ctx.activeTenantId;
  const tdb = await ctx.db.forTenant(tenantId).catch((error: unknown) => {
    if (error instanceof TenantNotFoundError) throw forbidden(NO_ACCESS);
    throw error;
  });
  const membership = await tdb.membership.findFirst({ where: { userId: ctx.user.id } });
  if (!membership) throw forbidden(NO_ACCESS);
  return removeMembership({ ...ctx, tdb, tenantId, membership }, membership.id, 'team.member_left');
}

type RemovalContext = AuthedContext & { tdb: TenantDb; tenantId: string; membership: Membership };

async function removeMembership(ctx: RemovalContext, membershipId: string, action: 'team.member_removed' | 'team.member_left') {
  return ctx.tdb.$scoped(async (tx) => {
    const owners = await lockOwners(tx);
    const member = await lockMember(tx, membershipId);
    if (action === 'team.member_removed') assertMayManage(ctx.membership, member);
    if (member.role === 'OWNER' && owners <= 1) throw conflict(LAST_OWNER);
    await tx.membership.delete({ where: { id: member.id } });
    await audit(tx, memberActor(ctx), {
      tenantId: ctx.tenantId,
      action,
      targetType: 'membership',
      targetId: member.id,
      data: { userId: member.userId, role: member.role },
    });
    return { removed: member.id };
  });
}
