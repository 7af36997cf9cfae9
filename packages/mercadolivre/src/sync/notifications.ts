import { Prisma, type MlAccount, type ScopedTransaction, type TenantClient } from '@vitrine/db';
import type { MlClient } from '../client/client.ts';
import { MlNotFoundError } from '../errors.ts';
import { upsertItems, upsertMessages, upsertOrders, upsertQuestions, upsertShipments } from '../store/upserts.ts';
import { isPermanent } from './run.ts';

export interface ProcessNotificationOptions {
  tenantDb: TenantClient;
  notificationId: string;
  clientFor: (account: MlAccount) => MlClient;
  /** On the job's last attempt a failure dead-letters the notification instead of being retried. */
  lastAttempt: boolean;
  /** Why the store may not use Mercado Livre now (its module is off): the notification is IGNORED with it, unread. */
  refused?: string | null;
}

export type NotificationOutcome =
  | { outcome: 'processed'; changed: number }
  | { outcome: 'ignored' | 'skipped' | 'dead'; reason: string };

/** What a notification's topic asks us to do once its resource is read. */
type Apply = (tx: ScopedTransaction) => Promise<number>;

/**
 * Reads the resource a stored notification points at (ML sends only the path, never the data) and
 * writes our copy with the notification's new status in one transaction. Duplicates and late arrivals
 * read the same current resource, and the newer-wins upserts leave a row alone when nothing changed.
 */
export async function processNotification(options: ProcessNotificationOptions): Promise<NotificationOutcome> {
  const { tenantDb, notificationId } = options;
  const notification = await tenantDb.mlNotification.findUnique({ where: { id: notificationId } });
  if (!notification || notification.status !== 'RECEIVED') return { outcome: 'skipped', reason: 'already handled' };

  if (options.refused) return settle(tenantDb, notificationId, 'IGNORED', options.refused);
  const account = await tenantDb.mlAccount.findUnique({ where: { id: notification.accountId } });
  if (account?.status !== 'ACTIVE') return settle(tenantDb, notificationId, 'IGNORED', 'The account is not connected.');

  let apply: Apply | null;
  try {
    apply = await readResource(options.clientFor(account), account.id, notification.topic, notification.resource);
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
    if (isPermanent(error) || options.lastAttempt) return settle(tenantDb, notificationId, 'DEAD', message);
    await tenantDb.mlNotification.update({ where: { id: notificationId }, data: { attempts: { increment: 1 }, lastError: message } });
    throw error;
  }
  if (!apply) return settle(tenantDb, notificationId, 'IGNORED', `Topic "${notification.topic}" needs no update here.`);

  const changed = await tenantDb.$scoped(async (tx) => {
    const rows = await apply(tx);
    await tx.mlNotification.update({
      where: { id: notificationId },
      data: { status: 'PROCESSED', attempts: { increment: 1 }, lastError: null, processedAt: new Date() },
    });
    return rows;
  });
  return { outcome: 'processed', changed };
}

async function settle(tenantDb: TenantClient, id: string, status: 'IGNORED' | 'DEAD', reason: string): Promise<NotificationOutcome> {
  await tenantDb.mlNotification.update({
    where: { id },
    data: { status, attempts: { increment: 1 }, lastError: reason, processedAt: new Date() },
  });
  return { outcome: status === 'DEAD' ? 'dead' : 'ignored', reason };
}

const idIn = (resource: string, pattern: RegExp) => resource.match(pattern)?.[1] ?? null;

/** GETs the resource; returns how to store it, or null for topics we do not keep. */
async function readResource(client: MlClient, accountId: string, topic: string, resource: string): Promise<Apply | null> {
  switch (topic) {
    case 'orders_v2':
    case 'orders': {
      const id = idIn(resource, /\/orders\/(\d+)/);
      if (!id) return null;
      const order = await client.getOrder(BigInt(id));
      return (tx) => upsertOrders(tx, accountId, [order]);
    }
    case 'questions': {
      const id = idIn(resource, /\/questions\/(\d+)/);
      if (!id) return null;
      try {
        const question = await client.getQuestion(BigInt(id));
        return (tx) => upsertQuestions(tx, accountId, [question]);
      } catch (error) {
        if (!(error instanceof MlNotFoundError)) throw error;
        // Deleted by the buyer or by ML: keep our copy, marked so it leaves the queue.
        return (tx) => tx.$executeRaw(Prisma.sql`
          UPDATE ml_questions SET status = 'DELETED', synced_at = now()
           WHERE account_id = ${accountId} AND ml_question_id = ${BigInt(id)} AND status <> 'DELETED'`);
      }
    }
    case 'items': {
      const id = idIn(resource, /\/items\/([A-Z]{3}\d+)/);
      if (!id) return null;
      const item = await client.getItem(id);
      return (tx) => upsertItems(tx, accountId, [item]);
    }
    case 'shipments': {
      const id = idIn(resource, /\/shipments\/(\d+)/);
      if (!id) return null;
      const shipment = await client.getShipment(BigInt(id));
      return (tx) => upsertShipments(tx, accountId, [shipment]);
    }
    case 'messages': {
      // ML sends the bare message id as the resource (sometimes under /messages/).
      const id = idIn(resource, /^(?:\/messages\/)?([A-Za-z0-9_-]+)$/);
      if (!id) return null;
      const message = await client.getMessage(id);
      const pack = (message as { message_resources?: { id: string; name: string }[] }).message_resources?.find((r) => r.name === 'packs' || r.name === 'orders');
      if (!pack || !/^\d+$/.test(pack.id)) return null;
      return (tx) => upsertMessages(tx, accountId, BigInt(pack.id), [message]);
    }
    default:
      return null;
  }
}
