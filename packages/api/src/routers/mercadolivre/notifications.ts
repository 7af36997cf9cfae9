import { enqueueInTransaction } from '@vitrine/queue';
import type { Prisma } from '@vitrine/db';
import { audit, memberActor } from '../../audit.ts';
import { conflict, notFound } from '../../errors.ts';
import { decodeCursor } from '../../lib/keyset.ts';
import type { TenantContext } from '../../trpc.ts';
import type { DeadLettersInput, ReplayInput } from './inputs.ts';
import { idText, NOTIFICATION_NOT_FOUND, pageBy } from './shared.ts';

/** Notifications that failed every attempt (status DEAD), newest first, keyset-paged. */
export async function listDeadLetters(ctx: TenantContext, input: DeadLettersInput) {
  const position = decodeCursor(input.cursor);
  const filters: Prisma.MlNotificationWhereInput[] = [{ status: 'DEAD' }];
  if (position) {
    filters.push({ receivedAt: { lte: position.createdAt }, OR: [{ receivedAt: { lt: position.createdAt } }, { id: { lt: position.id } }] });
  }
  const rows = await ctx.tdb.mlNotification.findMany({
    where: { AND: filters },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: {
      id: true, accountId: true, topic: true, resource: true, mlUserId: true, mlAttempts: true, status: true,
      attempts: true, lastError: true, receivedAt: true, processedAt: true, body: true,
      account: { select: { nickname: true } },
    },
  });
  const page = pageBy(rows, input.limit, (r) => r.receivedAt);
  return {
    items: page.items.map(({ account, mlUserId, ...n }) => ({ ...n, mlUserId: idText(mlUserId), accountNickname: account.nickname })),
    nextCursor: page.nextCursor,
  };
}

export const replayJobId = (notificationId: string, at = Date.now()) => `ml-notif-${notificationId}-replay-${at}`;

/** Puts a dead notification back to RECEIVED with fresh attempts and queues it again (a new job id, so it runs). */
export async function replayNotification(ctx: TenantContext, input: ReplayInput) {
  const tenantId = ctx.tenant.id;
  return ctx.tdb.$scoped(async (tx) => {
    const { count } = await tx.mlNotification.updateMany({
      where: { id: input.notificationId, status: 'DEAD' },
      data: { status: 'RECEIVED', attempts: 0, lastError: null, processedAt: null },
    });
    if (count === 0) {
      const found = await tx.mlNotification.findFirst({ where: { id: input.notificationId }, select: { status: true } });
      if (!found) throw notFound(NOTIFICATION_NOT_FOUND);
      throw conflict('Only failed notifications can be replayed; this one is not failed any more.');
    }
    const jobId = replayJobId(input.notificationId);
    await enqueueInTransaction(tx, {
      queue: 'mercadolivre',
      name: 'notification.process',
      payload: { tenantId, notificationId: input.notificationId },
      jobId,
      tenantId,
    });
    await audit(tx, memberActor(ctx), {
      tenantId,
      action: 'mercadolivre.notification.replayed',
      targetType: 'ml_notification',
      targetId: input.notificationId,
      data: { jobId },
    });
    return { notificationId: input.notificationId, status: 'RECEIVED' as const, jobId };
  });
}
