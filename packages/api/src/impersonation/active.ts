import { TRPCError } from '@trpc/server';
import type { Database, ImpersonationMode, Membership } from '@vitrine/db';
import { closeExpiredGrant } from './expiry.ts';

/** A live impersonation: platform staff inside one store's admin, under a grant row (impersonation_grants). */
export interface ActiveImpersonation {
  grantId: string;
  tenantId: string;
  staffUserId: string;
  mode: ImpersonationMode;
  reason: string;
  expiresAt: Date;
}

const ENDED = 'Your platform staff session in this store has ended. Start a new one from the platform pages.';

/**
 * The grant a request carries, checked for this user and store: not ended, not past its cap, and the user still
 * platform staff with two-factor authentication. Null when the grant is for another store or someone else's
 * (the caller then answers as for any non-member); a grant that ended or expired is refused with a sentence.
 */
export async function activeImpersonation(
  db: Database,
  ref: { grantId: string; tenantId: string; userId: string; requestId: string; ip: string | null },
  now = new Date(),
): Promise<ActiveImpersonation | null> {
  const grant = await db.platform.impersonationGrant.findUnique({ where: { id: ref.grantId } });
  if (!grant || grant.tenantId !== ref.tenantId || grant.staffUserId !== ref.userId) return null;
  if (grant.endedAt) throw new TRPCError({ code: 'FORBIDDEN', message: ENDED });
  if (grant.expiresAt.getTime() <= now.getTime()) {
    await closeExpiredGrant(db, grant, { requestId: ref.requestId, ip: ref.ip });
    throw new TRPCError({ code: 'FORBIDDEN', message: ENDED });
  }
  const staff = await db.platform.user.findUnique({ where: { id: ref.userId }, select: { platformRole: true, totpEnabledAt: true } });
  if (staff?.platformRole !== 'SUPER_ADMIN' || !staff.totpEnabledAt) throw new TRPCError({ code: 'FORBIDDEN', message: ENDED });
  return {
    grantId: grant.id,
    tenantId: grant.tenantId,
    staffUserId: grant.staffUserId,
    mode: grant.mode,
    reason: grant.reason,
    expiresAt: grant.expiresAt,
  };
}

/**
 * What the tenant procedures see as the staff member's "membership" while impersonating: the store admin's
 * role, held only in memory (no memberships row is ever written for staff).
 */
export function impersonationMembership(impersonation: ActiveImpersonation): Membership {
  return {
    id: `impersonation:${impersonation.grantId}`,
    tenantId: impersonation.tenantId,
    userId: impersonation.staffUserId,
    role: 'ADMIN',
    permissions: [],
    createdAt: impersonation.expiresAt,
  };
}

/** Read-only impersonation reads and never writes: every mutation is refused with 403 and this sentence. */
export function refuseReadOnlyWrite(impersonation: ActiveImpersonation | null, type: string): void {
  if (impersonation?.mode === 'READ_ONLY' && type === 'mutation') {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'You are viewing this store read-only as platform staff: changes are refused. Start a full-access session to make changes.',
    });
  }
}
