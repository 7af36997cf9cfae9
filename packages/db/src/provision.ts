import pg from 'pg';
import type { KeyRing } from '@vitrine/core/crypto';
import { openDedicatedUrls, sealDedicatedUrls, type DedicatedUrls } from './dedicated.ts';
import { migrate } from './migrate.ts';

/**
 * Moving a tenant between the pooled (platform) database and a dedicated database of its own.
 *
 * The platform database always keeps the tenant's platform rows (tenants, domains, users, sessions,
 * outbox); what moves is the tenant-owned data. The target database also receives the rows those
 * depend on through foreign keys: the tenant's plan, its tenant row and the users of its memberships.
 *
 * Order of work, so that a failure never loses data:
 *   1. migrate the dedicated database;
 *   2. copy into the target in one transaction (replacing a stale copy left by an earlier move);
 *   3. in the source, in one transaction: switch the tenant's routing (`tenants.database_url_enc`) and
 *      delete the moved rows. If step 3 fails the tenant still reads its source rows, and running the
 *      move again replaces the copy.
 *
 * audit_logs is append-only (the database refuses DELETE, even to the owner), so the source keeps its
 * copy of the audit history and the target gets every audit row it does not already have: moving a
 * tenant out leaves its history until then in the pooled database as well, and moving it back merges
 * the two histories by id.
 *
 * Run a move while the tenant is quiet (suspended, or in a maintenance window) and call
 * `Database.invalidateRouting(tenantId)` in every process afterwards (the resolver's pub/sub does it).
 * The source transaction is REPEATABLE READ: a concurrent update or delete of a row being moved makes
 * the move fail rather than be lost, and a row inserted during the move stays behind in the source.
 */

export interface MoveOptions {
  /** Owner connection to the platform (pooled) database. */
  platformOwnerUrl: string;
  tenantId: string;
  keyRing: KeyRing;
  log?: (line: string) => void;
}

export interface MoveResult {
  tenantId: string;
  /** Rows written to the target database, per table. */
  copied: Record<string, number>;
}

/** Tenant-owned tables, parents before children. */
const TENANT_TABLES = [
  'storefront_configs',
  'categories',
  'products',
  'product_variants',
  'product_images',
  'memberships',
  'audit_logs',
] as const;

/** Tables a move deletes from the source (audit_logs is append-only), children before parents. */
const DELETABLE_TABLES = TENANT_TABLES.filter((t) => t !== 'audit_logs').reverse();

type Snapshot = Record<string, string>;

export class TenantMoveError extends Error {
  override name = 'TenantMoveError';
}

export async function moveTenantToDedicated(options: MoveOptions & { dedicated: DedicatedUrls }): Promise<MoveResult> {
  const { tenantId, keyRing } = options;
  const log = options.log ?? (() => {});
  const sealed = sealDedicatedUrls(tenantId, options.dedicated, keyRing);

  const platform = await connect(options.platformOwnerUrl);
  try {
    const current = await tenantRouting(platform, tenantId);
    if (current) throw new TenantMoveError(`Tenant ${tenantId} already has a dedicated database; move it to the pooled database first.`);

    const { applied } = await migrate({ databaseUrl: options.dedicated.owner, log });
    log(`dedicated database migrated (${applied.length} applied)`);
    await checkAppConnection(options.dedicated);

    return await move({
      tenantId,
      source: platform,
      target: () => connect(options.dedicated.owner),
      switchRouting: (client) =>
        client.query('UPDATE tenants SET database_url_enc = $2, updated_at = now() WHERE id = $1', [tenantId, sealed]),
      routingClient: 'source',
      log,
    });
  } finally {
    await platform.end();
  }
}

export async function moveTenantToPooled(options: MoveOptions): Promise<MoveResult> {
  const { tenantId, keyRing } = options;
  const log = options.log ?? (() => {});

  const platform = await connect(options.platformOwnerUrl);
  try {
    const sealed = await tenantRouting(platform, tenantId);
    if (!sealed) throw new TenantMoveError(`Tenant ${tenantId} is already in the pooled database.`);
    const urls = openDedicatedUrls(tenantId, sealed, keyRing);
    // The platform may have gained migrations while the tenant lived elsewhere; bring both up to date.
    await migrate({ databaseUrl: options.platformOwnerUrl, log });
    await migrate({ databaseUrl: urls.owner, log });

    const dedicated = await connect(urls.owner);
    try {
      return await move({
        tenantId,
        source: dedicated,
        target: async () => platform,
        switchRouting: (client) =>
          client.query('UPDATE tenants SET database_url_enc = NULL, updated_at = now() WHERE id = $1', [tenantId]),
        routingClient: 'target',
        log,
      });
    } finally {
      await dedicated.end();
    }
  } finally {
    await platform.end();
  }
}

interface MovePlan {
  tenantId: string;
  source: pg.Client;
  target: () => Promise<pg.Client>;
  /** Points the tenant at its new home; runs on the platform database. */
  switchRouting: (client: pg.Client) => Promise<unknown>;
  /** Which side is the platform database. */
  routingClient: 'source' | 'target';
  log: (line: string) => void;
}

async function move(plan: MovePlan): Promise<MoveResult> {
  const { tenantId, source, log } = plan;
  await source.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
  try {
    await setTenant(source, tenantId);
    const snapshot = await readTenant(source, tenantId);

    const target = await plan.target();
    let copied: Record<string, number>;
    try {
      copied = await writeTenant(target, tenantId, snapshot, plan.routingClient === 'target' ? plan.switchRouting : undefined);
    } finally {
      if (target !== source && plan.routingClient === 'source') await target.end();
    }
    log(`copied ${Object.entries(copied).map(([t, n]) => `${t}=${n}`).join(', ')}`);

    if (plan.routingClient === 'source') await plan.switchRouting(source);
    for (const table of DELETABLE_TABLES) {
      await source.query(`DELETE FROM "${table}" WHERE tenant_id = $1`, [tenantId]);
    }
    await source.query('COMMIT');
    log(`tenant ${tenantId} moved; the source keeps its audit_logs rows (append-only)`);
    return { tenantId, copied };
  } catch (error) {
    await source.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** The tenant's rows and the platform rows they reference, as JSON arrays of whole rows. */
async function readTenant(client: pg.Client, tenantId: string): Promise<Snapshot> {
  const snapshot: Snapshot = {};
  const read = async (key: string, sql: string) => {
    const { rows } = await client.query<{ rows: string }>(`SELECT coalesce(json_agg(t), '[]')::text AS rows FROM (${sql}) t`, [tenantId]);
    snapshot[key] = rows[0]!.rows;
  };
  await read('tenants', 'SELECT * FROM tenants WHERE id = $1');
  if (snapshot.tenants === '[]') throw new TenantMoveError(`Tenant ${tenantId} does not exist.`);
  await read('plans', 'SELECT p.* FROM plans p JOIN tenants t ON t.plan_code = p.code WHERE t.id = $1');
  await read('partners', 'SELECT p.* FROM partners p JOIN tenants t ON t.partner_id = p.id WHERE t.id = $1');
  await read('users', 'SELECT u.* FROM users u WHERE u.id IN (SELECT user_id FROM memberships WHERE tenant_id = $1)');
  for (const table of TENANT_TABLES) {
    await read(table, `SELECT * FROM "${table}" WHERE tenant_id = $1`);
  }
  return snapshot;
}

/** Writes a snapshot into the target in one transaction, replacing what an earlier move left there. */
async function writeTenant(
  client: pg.Client,
  tenantId: string,
  snapshot: Snapshot,
  inSameTransaction?: (client: pg.Client) => Promise<unknown>,
): Promise<Record<string, number>> {
  const copied: Record<string, number> = {};
  const insert = async (table: string, conflict: string) => {
    const result = await client.query(
      `INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json) ${conflict}`,
      [snapshot[table]],
    );
    copied[table] = result.rowCount ?? 0;
  };
  await client.query('BEGIN');
  try {
    await setTenant(client, tenantId);
    // Platform rows the tenant's rows point at; the target may already have them.
    await insert('plans', 'ON CONFLICT DO NOTHING');
    await insert('partners', 'ON CONFLICT DO NOTHING');
    await insert('tenants', 'ON CONFLICT (id) DO NOTHING');
    await insert('users', 'ON CONFLICT DO NOTHING');
    for (const table of DELETABLE_TABLES) {
      await client.query(`DELETE FROM "${table}" WHERE tenant_id = $1`, [tenantId]);
    }
    for (const table of TENANT_TABLES) {
      await insert(table, table === 'audit_logs' ? 'ON CONFLICT (id) DO NOTHING' : '');
    }
    await inSameTransaction?.(client);
    await client.query('COMMIT');
    return copied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/**
 * Requests will use `dedicated.app`: it must reach the same database as `dedicated.owner`, as a role
 * that row-level security applies to, or the move would route the tenant around its isolation.
 */
async function checkAppConnection(urls: DedicatedUrls): Promise<void> {
  const read = async (url: string) => {
    const client = await connect(url);
    try {
      const { rows } = await client.query<{ db: string; unsafe: boolean }>(
        'SELECT current_database() AS db, (rolsuper OR rolbypassrls) AS unsafe FROM pg_roles WHERE rolname = current_user',
      );
      return rows[0]!;
    } finally {
      await client.end();
    }
  };
  const [app, owner] = await Promise.all([read(urls.app), read(urls.owner)]);
  if (app.db !== owner.db) {
    throw new TenantMoveError(`The dedicated app and owner connections reach different databases (${app.db}, ${owner.db}).`);
  }
  if (app.unsafe) {
    throw new TenantMoveError('The dedicated app connection uses a role that bypasses row-level security; use the vitrine_app role.');
  }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function setTenant(client: pg.Client, tenantId: string): Promise<void> {
  await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
}

/** The tenant's sealed dedicated URLs, or null when it is pooled. */
async function tenantRouting(client: pg.Client, tenantId: string): Promise<string | null> {
  const { rows } = await client.query<{ database_url_enc: string | null }>(
    'SELECT database_url_enc FROM tenants WHERE id = $1',
    [tenantId],
  );
  if (rows.length === 0) throw new TenantMoveError(`Tenant ${tenantId} does not exist.`);
  return rows[0]!.database_url_enc;
}
