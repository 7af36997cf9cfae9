import { Prisma, type Database } from '@vitrine/db';
import { audit, platformAudit } from '../audit.ts';

/**
 * A grant past its cap stopped working then; the first request that finds it unclosed records the end (at the
 * cap) in the platform log and the store's log, once (the update only matches while ended_at is null).
 */
export async function closeExpiredGrant(
  db: Database,
  grant: { id: string; tenantId: string; staffUserId: string; expiresAt: Date },
  request: { requestId: string; ip: string | null },
): Promise<void> {
  await db.platform.$transaction(async (tx) => {
    const closed = await tx.impersonationGrant.updateMany({ where: { id: grant.id, endedAt: null }, data: { endedAt: grant.expiresAt } });
    if (closed.count !== 1) return;
    const actor = { ...request, platformUserId: grant.staffUserId };
    const data = { grantId: grant.id, how: 'expired' };
    await platformAudit(tx, actor, { action: 'impersonation.ended', targetType: 'tenant', targetId: grant.tenantId, data });
    await tx.$executeRaw(Prisma.sql`SELECT set_config('app.tenant_id', ${grant.tenantId}, true)`);
    await audit(
      tx,
      { ...actor, userId: grant.staffUserId, impersonationGrantId: grant.id },
      { tenantId: grant.tenantId, action: 'impersonation.ended', targetType: 'impersonation', targetId: grant.id, data: { how: 'expired' } },
    );
  });
}
