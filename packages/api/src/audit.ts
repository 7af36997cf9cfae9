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
}

/** Writes one audit row; call it inside the transaction of the change it records. */
export async function audit(tx: AuditWriter, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      tenantId: entry.tenantId,
      actorUserId: actor.userId ?? null,
      actorPlatformUserId: actor.platformUserId ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      data: entry.data ?? {},
      requestId: actor.requestId,
      ip: actor.ip,
    },
  });
}

/** The actor of a request made by a signed-in member. */
export function memberActor(ctx: { requestId: string; ip: string | null; user: { id: string } }): AuditActor {
  return { requestId: ctx.requestId, ip: ctx.ip, userId: ctx.user.id };
}
