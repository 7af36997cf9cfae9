import type { Prisma } from '@vitrine/db';

/** Anything with the audit log delegate: a tenant-scoped transaction or a platform one with app.tenant_id set. */
export interface AuditWriter {
  auditLog: { create(args: { data: Prisma.AuditLogUncheckedCreateInput }): PromiseLike<unknown> };
}

export interface AuditEntry {
  tenantId: string;
  /** `product.created`, `tenant.suspended`, … */
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Prisma.InputJsonValue;
}

export interface AuditActor {
  requestId: string;
  ip: string | null;
  /** A member acting in their store. */
  userId?: string;
  /** Platform staff acting on a store. */
  platformUserId?: string;
  /** The impersonation grant platform staff act under inside the store (both identities are then recorded). */
  impersonationGrantId?: string;
}

/** Writes one audit row; call it inside the transaction of the change it records. */
export async function audit(tx: AuditWriter, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      tenantId: entry.tenantId,
      actorUserId: actor.userId ?? null,
      actorPlatformUserId: actor.platformUserId ?? null,
      impersonationGrantId: actor.impersonationGrantId ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      data: entry.data ?? {},
      requestId: actor.requestId,
      ip: actor.ip,
    },
  });
}

/**
 * The actor of a request made by a signed-in member, or by platform staff impersonating one (then the staff
 * member is also the platform actor and the grant is named).
 */
export function memberActor(ctx: {
  requestId: string;
  ip: string | null;
  user: { id: string };
  impersonation?: { grantId: string; staffUserId: string } | null;
}): AuditActor {
  const actor: AuditActor = { requestId: ctx.requestId, ip: ctx.ip, userId: ctx.user.id };
  if (ctx.impersonation) {
    actor.platformUserId = ctx.impersonation.staffUserId;
    actor.impersonationGrantId = ctx.impersonation.grantId;
  }
  return actor;
}

/** Anything with the platform audit log delegate: the platform client or one of its transactions. */
export interface PlatformAuditWriter {
  platformAuditLog: { create(args: { data: Prisma.PlatformAuditLogUncheckedCreateInput }): PromiseLike<unknown> };
}

/**
 * Writes one platform audit row (append-only, platform_audit_logs): what platform staff did outside any one
 * store, such as editing the help center. Call it inside the transaction of the change it records.
 */
export async function platformAudit(
  tx: PlatformAuditWriter,
  actor: { requestId: string; ip: string | null; platformUserId: string },
  entry: Omit<AuditEntry, 'tenantId'>,
): Promise<void> {
  await tx.platformAuditLog.create({
    data: {
      actorUserId: actor.platformUserId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      data: entry.data ?? {},
      requestId: actor.requestId,
      ip: actor.ip,
    },
  });
}

/** The actor of a request made by platform staff (the signed-in SUPER_ADMIN). */
export function staffActor(ctx: { requestId: string; ip: string | null; user: { id: string } }) {
  return { requestId: ctx.requestId, ip: ctx.ip, platformUserId: ctx.user.id };
}
