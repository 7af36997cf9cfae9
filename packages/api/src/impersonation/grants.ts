import { Prisma } from '@vitrine/db';
import { audit, platformAudit, staffActor } from '../audit.ts';
import { conflict, notFound } from '../errors.ts';
import type { AuthedContext } from '../trpc.ts';

export const IMPERSONATION_MINUTES = { min: 15, max: 60 } as const;

export interface StartImpersonation {
  tenantId: string;
  reason: string;
  mode: 'READ_ONLY' | 'FULL';
  minutes: number;
}

/** Writes a tenant audit row from the platform client: the store's rows are visible only under its id. */
async function tenantAudit(tx: Prisma.TransactionClient, ctx: AuthedContext, tenantId: string, grantId: string, action: string, data: Prisma.InputJsonValue) {
  await tx.$executeRaw(Prisma.sql`SELECT set_config('app.tenant_id', ${tenantId}, true)`);
  await audit(
    tx,
    { requestId: ctx.requestId, ip: ctx.ip, userId: ctx.user.id, platformUserId: ctx.user.id, impersonationGrantId: grantId },
    { tenantId, action, targetType: 'impersonation', targetId: grantId, data },
  );
}

/**
 * Opens an impersonation grant for the calling platform admin (checked by platformAdminProcedure: staff with
 * two-factor authentication). Any grant they still hold ends first: one store at a time. The start is written to
 * the platform audit log and to the store's own log, in one transaction.
 */
export async function startImpersonation(ctx: AuthedContext, input: StartImpersonation, now = new Date()) {
  const grant = await ctx.db.platform.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true, name: true, status: true } });
    if (!tenant) throw notFound('There is no store with this id.');
    if (tenant.status === 'SUSPENDED' || tenant.status === 'CANCELLED') {
      throw conflict('This store is suspended or closed; its admin cannot be entered. Reactivate it first.');
    }
    const open = await tx.impersonationGrant.findMany({
      where: { staffUserId: ctx.user.id, endedAt: null, expiresAt: { gt: now } },
      select: { id: true, tenantId: true },
    });
    for (const previous of open) await endGrantRow(tx, ctx, previous, now, 'replaced');

    const created = await tx.impersonationGrant.create({
      data: {
        tenantId: tenant.id,
        staffUserId: ctx.user.id,
        mode: input.mode,
        reason: input.reason,
        startedAt: now,
        expiresAt: new Date(now.getTime() + input.minutes * 60_000),
      },
    });
    const data = { mode: input.mode, reason: input.reason, minutes: input.minutes, expiresAt: created.expiresAt.toISOString() };
    await platformAudit(tx, staffActor(ctx), { action: 'impersonation.started', targetType: 'tenant', targetId: tenant.id, data: { ...data, grantId: created.id } });
    await tenantAudit(tx, ctx, tenant.id, created.id, 'impersonation.started', data);
    return { ...created, tenantName: tenant.name };
  });
  ctx.log.info({ tenantId: grant.tenantId, grantId: grant.id, mode: grant.mode }, 'platform staff started impersonating');
  return grant;
}

async function endGrantRow(
  tx: Prisma.TransactionClient,
  ctx: AuthedContext,
  grant: { id: string; tenantId: string },
  now: Date,
  how: 'left' | 'replaced',
) {
  await tx.impersonationGrant.update({ where: { id: grant.id }, data: { endedAt: now } });
  await platformAudit(tx, staffActor(ctx), { action: 'impersonation.ended', targetType: 'tenant', targetId: grant.tenantId, data: { grantId: grant.id, how } });
  await tenantAudit(tx, ctx, grant.tenantId, grant.id, 'impersonation.ended', { how });
}

/**
 * Ends the caller's grant ("Leave"). A grant already ended is left as it is; one past its cap is closed at its
 * cap (it stopped working then). Someone else's grant answers NOT_FOUND.
 */
export async function endImpersonation(ctx: AuthedContext, grantId: string, now = new Date()) {
  return ctx.db.platform.$transaction(async (tx) => {
    const grant = await tx.impersonationGrant.findUnique({ where: { id: grantId } });
    if (!grant || grant.staffUserId !== ctx.user.id) throw notFound('There is no such impersonation session of yours.');
    if (grant.endedAt) return { id: grant.id, endedAt: grant.endedAt };
    const endedAt = grant.expiresAt.getTime() < now.getTime() ? grant.expiresAt : now;
    await endGrantRow(tx, ctx, grant, endedAt, 'left');
    return { id: grant.id, endedAt };
  });
}

/** The caller's grant with its store, while it is in force (for the admin's banner); null otherwise. */
export async function currentImpersonation(ctx: AuthedContext, grantId: string, now = new Date()) {
  const grant = await ctx.db.platform.impersonationGrant.findUnique({ where: { id: grantId } });
  if (!grant || grant.staffUserId !== ctx.user.id || grant.endedAt || grant.expiresAt.getTime() <= now.getTime()) return null;
  const tenant = await ctx.db.platform.tenant.findUnique({
    where: { id: grant.tenantId },
    select: { id: true, slug: true, name: true, status: true, currency: true, locale: true },
  });
  if (!tenant) return null;
  return { grantId: grant.id, mode: grant.mode, reason: grant.reason, startedAt: grant.startedAt, expiresAt: grant.expiresAt, tenant };
}
