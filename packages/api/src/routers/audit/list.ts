import type { Prisma } from '@vitrine/db';
import { badRequest } from '../../errors.ts';
import type { TenantContext } from '../../trpc.ts';
import type { AuditListInput } from './inputs.ts';

/** Keyset cursor over (created_at desc, id desc). */
function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) throw badRequest('This page link is no longer valid. Start from the first page.');
  return { createdAt, id };
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

/** One page of the store's audit log, newest first, with the actors' emails. */
export async function listAudit(ctx: TenantContext, input: AuditListInput) {
  const filters: Prisma.AuditLogWhereInput[] = [];
  if (input.action) filters.push({ action: input.action });
  if (input.actorUserId) filters.push({ actorUserId: input.actorUserId });
  if (input.targetType) filters.push({ targetType: input.targetType });
  if (input.from) filters.push({ createdAt: { gte: new Date(`${input.from}T00:00:00Z`) } });
  if (input.to) filters.push({ createdAt: { lt: nextDay(input.to) } });
  if (input.cursor) {
    const c = decodeCursor(input.cursor);
    filters.push({ OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] });
  }
  const rows = await ctx.tdb.auditLog.findMany({
    where: { AND: filters },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const emails = await emailsOf(ctx, page.flatMap((r) => [r.actorUserId, r.actorPlatformUserId]));
  return {
    items: page.map((r) => ({
      id: r.id,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      actor: r.actorUserId
        ? { kind: 'member' as const, userId: r.actorUserId, email: emails.get(r.actorUserId) ?? null }
        : r.actorPlatformUserId
          ? { kind: 'platform' as const, userId: r.actorPlatformUserId, email: emails.get(r.actorPlatformUserId) ?? null }
          : { kind: 'system' as const, userId: null, email: null },
      data: r.data,
      requestId: r.requestId,
      createdAt: r.createdAt,
    })),
    nextCursor: rows.length > input.limit ? encodeCursor(page.at(-1)!) : null,
  };
}

/** What the filters offer: the actions recorded so far and the people who acted (members and former ones). */
export async function auditFilterOptions(ctx: TenantContext) {
  const [actions, targetTypes, actors] = await Promise.all([
    ctx.tdb.auditLog.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
    ctx.tdb.auditLog.findMany({ distinct: ['targetType'], select: { targetType: true }, where: { targetType: { not: null } }, orderBy: { targetType: 'asc' } }),
    ctx.tdb.auditLog.findMany({ distinct: ['actorUserId'], select: { actorUserId: true }, where: { actorUserId: { not: null } } }),
  ]);
  const emails = await emailsOf(ctx, actors.map((a) => a.actorUserId));
  return {
    actions: actions.map((a) => a.action),
    targetTypes: targetTypes.map((t) => t.targetType!),
    actors: [...emails].map(([userId, email]) => ({ userId, email })).sort((a, b) => a.email.localeCompare(b.email)),
  };
}

async function emailsOf(ctx: TenantContext, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (unique.length === 0) return new Map();
  const users = await ctx.db.platform.user.findMany({ where: { id: { in: unique } }, select: { id: true, email: true } });
  return new Map(users.map((u) => [u.id, u.email]));
}
