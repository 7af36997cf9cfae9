import pg from 'pg';
import type { KeyRing } from '@vitrine/core/crypto';
import { openDedicatedUrls, sealDedicatedUrls, type DedicatedUrls } from './dedicated.ts';
import { migrate } from './migrate.ts';
import { parentsFirst, quoteIdent, tenantTables, type TenantTable } from './tenant-tables.ts';

/**
 * Moving a tenant between the pooled (platform) database and a dedicated database of its own.
 *
 * The platform database always keeps the tenant's platform rows (tenants, domains, users, sessions,
 * outbox, ml_account_routes, subscriptions); what moves is every tenant table, read from the source's catalog
 * (tenant-tables.ts: each table with a tenant_id and forced row-level security), so a table added by a later
 * migration moves without touching this file. The target database also receives the rows those depend on
 * through foreign keys: the tenant's plan and partner, its tenant row and the users of its memberships.
 *
 * Order of work, so that a failure never loses data:
 *   1. migrate the dedicated database (and, moving back, the platform) and check both hold the same tenant tables;
 *   2. copy into the target in one transaction, parents before children, replacing a stale copy left by an
 *      earlier move (deleted children first), then check each table (but those below that triggers fill, and
 *      audit_logs) holds as many of the tenant's rows as the source;
 *   3. in the source, in one transaction: switch the tenant's routing (`tenants.database_url_enc`) and
 *      delete the moved rows, children first, then check none is left. If step 3 fails the tenant still reads
 *      its source rows, and running the move again replaces the copy.
 *
 * Only columns that are not generated are written; the target computes the others.
 *
 * Rows the database derives itself: inserting products and variants makes their product_search_terms (and
 * products.total_stock, search_document) through triggers (migrations *_catalog and *_storefront_search). A
 * table that already holds rows of the tenant in the target when its turn comes (after the stale copy was
 * deleted, those can only come from triggers) is inserted with ON CONFLICT DO NOTHING, and its count is not
 * checked (the triggers own it). Two other triggers touch moved rows: ml_accounts and ml_answers take the time
 * of the move as updated_at.
 *
 * audit_logs is append-only (the database refuses DELETE, even to the owner), so the source keeps its
 * copy of the audit history and the target gets every audit row it does not already have: moving a
 * tenant out leaves its history until then in the pooled database as well, and moving it back merges
 * the two histories by id.
 *
 * tenant_daily_stats is a platform table (not forced RLS, so not moved) kept by triggers on orders and
 * products, and the platform's stats page reads a store's rows in the database the store lives in. On a
 * move, inserting the orders in the target adds their figures there and deleting them in the source takes
 * them away, so order figures (placed, paid, refunded, cancelled) follow the store exactly. new_products only
 * counts inserts (deleting a product takes nothing away): the target counts the moved products again by their
 * creation day, products deleted before the move are no longer counted there, and the source keeps its
 * counts. Moving a store out and back to a database that already counted its products therefore counts them
 * twice in new_products for that database.
 *
 * Size: each table of the tenant is read as one JSON array (json_agg) and written with one statement, so
 * memory holds one table at a time; a table whose JSON passes what a Node string holds (about 500 MB, e.g.
 * many product_imports files) makes the move fail, with nothing lost.
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

/** Append-only (the database refuses DELETE): never deleted, merged by id. */
const AUDIT_LOGS = 'audit_logs';

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
    const platformRows = await readPlatformRows(source, tenantId);
    const tables = parentsFirst(await tenantTables(source));

    const target = await plan.target();
    let copied: Record<string, number>;
    try {
      checkSameTables(tables, await tenantTables(target));
      copied = await copyTenant({
        source, target, tenantId, tables, platformRows,
        inSameTransaction: plan.routingClient === 'target' ? plan.switchRouting : undefined,
      });
    } finally {
      if (target !== source && plan.routingClient === 'source') await target.end();
    }
    log(`copied ${Object.entries(copied).map(([t, n]) => `${t}=${n}`).join(', ')}`);

    if (plan.routingClient === 'source') await plan.switchRouting(source);
    await deleteTenantRows(source, tenantId, tables);
    const left = await leftBehind(source, tenantId, tables);
    if (left.length > 0) throw new TenantMoveError(`Rows of tenant ${tenantId} came back in the source while deleting them (${left.join(', ')}); the source was left as it was.`);
    await source.query('COMMIT');
    log(`tenant ${tenantId} moved; the source keeps its audit_logs rows (append-only)`);
    return { tenantId, copied };
  } catch (error) {
    await source.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** The platform rows the tenant's rows point at, as JSON arrays of whole rows. */
const PLATFORM_ROWS = {
  plans: 'SELECT p.* FROM plans p JOIN tenants t ON t.plan_code = p.code WHERE t.id = $1',
  partners: 'SELECT p.* FROM partners p JOIN tenants t ON t.partner_id = p.id WHERE t.id = $1',
  tenants: 'SELECT * FROM tenants WHERE id = $1',
  users: 'SELECT u.* FROM users u WHERE u.id IN (SELECT user_id FROM memberships WHERE tenant_id = $1)',
} as const;

/** In insert order; the target may already have them (another tenant's plan, an earlier move). */
const PLATFORM_CONFLICT: Record<keyof typeof PLATFORM_ROWS, string> = {
  plans: 'ON CONFLICT DO NOTHING',
  partners: 'ON CONFLICT DO NOTHING',
  tenants: 'ON CONFLICT (id) DO NOTHING',
  users: 'ON CONFLICT DO NOTHING',
};

type PlatformRows = Record<keyof typeof PLATFORM_ROWS, string>;

async function readPlatformRows(client: pg.Client, tenantId: string): Promise<PlatformRows> {
  const rows = {} as PlatformRows;
  for (const [name, sql] of Object.entries(PLATFORM_ROWS) as [keyof PlatformRows, string][]) {
    rows[name] = (await readJson(client, sql, tenantId)).rows;
  }
  if (rows.tenants === '[]') throw new TenantMoveError(`Tenant ${tenantId} does not exist.`);
  return rows;
}

/** The rows of a query as one JSON array (text, so big numbers keep their digits), and how many there are. */
async function readJson(client: pg.Client, sql: string, tenantId: string): Promise<{ n: number; rows: string }> {
  const { rows } = await client.query<{ n: number; rows: string }>(
    `SELECT count(*)::int AS n, coalesce(json_agg(t), '[]')::text AS rows FROM (${sql}) t`,
    [tenantId],
  );
  return rows[0]!;
}

/** Both databases must be at the same schema, or columns would be dropped on the way. */
function checkSameTables(source: TenantTable[], target: TenantTable[]): void {
  const shape = (tables: TenantTable[]) => new Map(tables.map((t) => [t.name, t.columns.map((c) => c.name).join(',')]));
  const [from, to] = [shape(source), shape(target)];
  const differ = [...new Set([...from.keys(), ...to.keys()])].filter((name) => from.get(name) !== to.get(name)).sort();
  if (differ.length > 0) {
    throw new TenantMoveError(
      `The source and target databases hold different tenant tables (${differ.join(', ')}); migrate both to the same version first.`,
    );
  }
}

interface CopyPlan {
  source: pg.Client;
  target: pg.Client;
  tenantId: string;
  /** Parents first. */
  tables: TenantTable[];
  platformRows: PlatformRows;
  /** Runs in the target's transaction before it commits (the routing switch, when the target is the platform). */
  inSameTransaction?: (client: pg.Client) => Promise<unknown>;
}

/**
 * Copies the tenant into the target in one transaction, replacing what an earlier move left there. Returns the
 * rows written per table (rows a trigger already made are not counted again).
 */
async function copyTenant(plan: CopyPlan): Promise<Record<string, number>> {
  const { source, target, tenantId, tables } = plan;
  const copied: Record<string, number> = {};
  /** `columns`: the ones to write, or every column. */
  const insert = async (table: string, columns: string | null, json: string, conflict: string) => {
    const into = columns === null ? quoteIdent(table) : `${quoteIdent(table)} (${columns})`;
    const result = await target.query(
      `INSERT INTO ${into} SELECT ${columns ?? '*'} FROM json_populate_recordset(NULL::${quoteIdent(table)}, $1::json) ${conflict}`,
      [json],
    );
    copied[table] = result.rowCount ?? 0;
  };
  await target.query('BEGIN');
  try {
    await setTenant(target, tenantId);
    for (const name of Object.keys(PLATFORM_ROWS) as (keyof PlatformRows)[]) {
      await insert(name, null, plan.platformRows[name], PLATFORM_CONFLICT[name]);
    }
    await deleteTenantRows(target, tenantId, tables);

    const expected = new Map<string, number>();
    for (const table of tables) {
      const { n, rows } = await readJson(source, `SELECT * FROM ${quoteIdent(table.name)} WHERE tenant_id = $1`, tenantId);
      const columns = table.columns.filter((c) => !c.generated).map((c) => quoteIdent(c.name)).join(', ');
      if (table.name === AUDIT_LOGS) {
        await insert(table.name, columns, rows, 'ON CONFLICT (id) DO NOTHING');
      } else if ((await countRows(target, table.name, tenantId)) > 0) {
        // Made by triggers on the parents inserted above (product_search_terms): keep them, add what they lack.
        await insert(table.name, columns, rows, 'ON CONFLICT DO NOTHING');
      } else {
        await insert(table.name, columns, rows, '');
        expected.set(table.name, n);
      }
    }
    // A trigger of a later table must not have removed rows of an earlier one.
    for (const [name, n] of expected) {
      const here = await countRows(target, name, tenantId);
      if (here !== n) throw new TenantMoveError(`${name}: the source holds ${n} rows of tenant ${tenantId} but the copy holds ${here}; nothing was moved.`);
    }
    await plan.inSameTransaction?.(target);
    await target.query('COMMIT');
    return copied;
  } catch (error) {
    await target.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Deletes the tenant's rows of every tenant table but audit_logs, children before parents. */
async function deleteTenantRows(client: pg.Client, tenantId: string, parentsFirstTables: TenantTable[]): Promise<void> {
  for (const table of [...parentsFirstTables].reverse()) {
    if (table.name === AUDIT_LOGS) continue;
    await client.query(`DELETE FROM ${quoteIdent(table.name)} WHERE tenant_id = $1`, [tenantId]);
  }
}

/** Tables (audit_logs aside) still holding rows of the tenant, e.g. ones a delete trigger made again. */
async function leftBehind(client: pg.Client, tenantId: string, tables: TenantTable[]): Promise<string[]> {
  const left: string[] = [];
  for (const table of tables) {
    if (table.name !== AUDIT_LOGS && (await countRows(client, table.name, tenantId)) > 0) left.push(table.name);
  }
  return left;
}

async function countRows(client: pg.Client, table: string, tenantId: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quoteIdent(table)} WHERE tenant_id = $1`, [tenantId]);
  return rows[0]!.n;
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
