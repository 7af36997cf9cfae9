import { createPrismaClient, openDedicatedUrls, type Database, type PrismaClient } from '@vitrine/db';
import type { KeyRing } from '@vitrine/core/crypto';
import type { Logger } from '@vitrine/core/logger';

export interface OutboxSource {
  /** "platform" or "dedicated:<tenant ids>" (never the connection string). */
  label: string;
  client: PrismaClient;
}

export interface OutboxSourcesOptions {
  db: Database;
  keyRing: KeyRing;
  log: Logger;
  /** How long the list of dedicated databases is trusted before it is read again. */
  refreshMs?: number;
}

/**
 * Every database that holds outbox rows: the platform database, plus each dedicated tenant database
 * (a job enqueued in a dedicated tenant's transaction is written there, atomically with the change).
 * Tenants sharing one dedicated database share one client.
 */
export class OutboxSources {
  private readonly clients = new Map<string, PrismaClient>();
  private cached: OutboxSource[] | undefined;
  private readAt = 0;

  constructor(private readonly options: OutboxSourcesOptions) {}

  async list(): Promise<OutboxSource[]> {
    const { db, log } = this.options;
    if (this.cached && Date.now() - this.readAt < (this.options.refreshMs ?? 60_000)) return this.cached;
    const tenants = await db.platform.tenant.findMany({
      where: { databaseUrlEnc: { not: null } },
      select: { id: true, databaseUrlEnc: true },
      orderBy: { id: 'asc' },
    });
    const byUrl = new Map<string, string[]>();
    for (const tenant of tenants) {
      try {
        const url = openDedicatedUrls(tenant.id, tenant.databaseUrlEnc!, this.options.keyRing).app;
        byUrl.set(url, [...(byUrl.get(url) ?? []), tenant.id]);
      } catch (error) {
        log.error({ tenantId: tenant.id, err: (error as Error).message }, 'dedicated database address cannot be read; its outbox is skipped');
      }
    }
    const sources: OutboxSource[] = [{ label: 'platform', client: db.platform }];
    for (const [url, tenantIds] of byUrl) {
      let client = this.clients.get(url);
      if (!client) {
        client = createPrismaClient(url, { maxConnections: 2 });
        this.clients.set(url, client);
      }
      sources.push({ label: `dedicated:${tenantIds.join(',')}`, client });
    }
    for (const [url, client] of this.clients) {
      if (!byUrl.has(url)) {
        this.clients.delete(url);
        await client.$disconnect().catch(() => {});
      }
    }
    this.cached = sources;
    this.readAt = Date.now();
    return sources;
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((c) => c.$disconnect().catch(() => {})));
    this.clients.clear();
    this.cached = undefined;
  }
}
