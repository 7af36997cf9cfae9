import { randomUUID } from 'node:crypto';
import type { Database } from '@vitrine/db';
import type { MlServices } from '../services.ts';
import { acceptMlNotification } from '../store/notifications.ts';
import type { StoreFilter } from './schedule.ts';

/** ML keeps undelivered notifications two days; a page holds at most this many. */
const PAGE = 50;
const MAX_PAGES = 200;

/**
 * Daily reconciliation: reads the application's missed feeds (notifications ML gave up delivering) and
 * stores each through the same intake as the webhook, so one we did receive is not stored twice. The
 * call needs a token; any connected account of the application will do: the oldest ACTIVE one whose store
 * `storeAllowed` accepts (a disconnected account or a store with the module off lends no token).
 */
export async function reconcileMissedFeeds(db: Database, ml: MlServices, { storeAllowed }: StoreFilter = {}): Promise<{ read: number; stored: number; ignored: number }> {
  const lender = await tokenLender(db, storeAllowed);
  if (!lender) return { read: 0, stored: 0, ignored: 0 };
  const client = ml.clientFor(lender.tdb, lender.account);

  // The intake checks the webhook's secret first; this caller is trusted, so it passes a matching pair.
  const trusted = randomUUID();
  let read = 0;
  let stored = 0;
  let ignored = 0;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const messages = await client.missedFeeds({ appId: ml.config.clientId, offset: page * PAGE, limit: PAGE });
    for (const body of messages) {
      read += 1;
      const result = await acceptMlNotification(db, { secret: trusted, expectedSecret: trusted, clientId: ml.config.clientId, body });
      if (result.status === 200 && result.duplicate === false) stored += 1;
      else ignored += 1;
    }
    if (messages.length < PAGE) break;
  }
  return { read, stored, ignored };
}

/** The oldest route whose account is ACTIVE and whose store is allowed, with its store's client. */
async function tokenLender(db: Database, storeAllowed: StoreFilter['storeAllowed']) {
  const routes = await db.platform.mlAccountRoute.findMany({ orderBy: { createdAt: 'asc' }, select: { tenantId: true, accountId: true }, take: 100 });
  for (const route of routes) {
    if (storeAllowed && !(await storeAllowed(route.tenantId))) continue;
    const tdb = await db.forTenant(route.tenantId);
    const account = await tdb.mlAccount.findUnique({ where: { id: route.accountId } });
    if (account?.status === 'ACTIVE') return { tdb, account };
  }
  return null;
}
