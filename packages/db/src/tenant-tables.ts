import { Prisma } from './generated/prisma/client.ts';
import type { TenantClient } from './tenant-scope.ts';

/**
 * The tenant-owned tables, read from the database itself: every table of the schema that has a `tenant_id`
 * column and forced row-level security. A table added by a later migration is exported, restored and moved
 * between databases (provision.ts) without touching this code. Platform tables that carry a tenant_id without
 * forced RLS (domains, tenant_daily_stats, ...) are not in the list.
 */
export interface TableColumn {
  name: string;
  /** format_type(), e.g. `text`, `bigint`, `jsonb`, `timestamp(3) with time zone`, `text[]`. */
  type: string;
  notNull: boolean;
  /** A generated column: read, never written back. */
  generated: boolean;
}

export interface ForeignKey {
  columns: string[];
  /** The referenced table and its columns. */
  table: string;
  references: string[];
}

export interface TenantTable {
  name: string;
  columns: TableColumn[];
  /** Primary key columns, in key order: exports page through the table by them. */
  key: string[];
  foreignKeys: ForeignKey[];
}

interface CatalogRow {
  table: string;
  columns: TableColumn[];
  key: string[] | null;
  foreign_keys: ForeignKey[] | null;
}

/** No parameters, so it runs as is through Prisma or a plain pg client. */
const CATALOG = `
  SELECT c.relname::text AS "table",
    (SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod), 'notNull', a.attnotnull,
         'generated', a.attgenerated <> '') ORDER BY a.attnum)
       FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
    (SELECT array_agg(a.attname::text ORDER BY k.ord)
       FROM pg_constraint pk
       CROSS JOIN LATERAL unnest(pk.conkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
       WHERE pk.conrelid = c.oid AND pk.contype = 'p') AS key,
    (SELECT json_agg(json_build_object(
         'columns', (SELECT array_agg(a.attname ORDER BY k.ord) FROM unnest(fk.conkey) WITH ORDINALITY AS k(attnum, ord)
                       JOIN pg_attribute a ON a.attrelid = fk.conrelid AND a.attnum = k.attnum),
         'table', (SELECT r.relname FROM pg_class r WHERE r.oid = fk.confrelid),
         'references', (SELECT array_agg(a.attname ORDER BY k.ord) FROM unnest(fk.confkey) WITH ORDINALITY AS k(attnum, ord)
                       JOIN pg_attribute a ON a.attrelid = fk.confrelid AND a.attnum = k.attnum)))
       FROM pg_constraint fk WHERE fk.conrelid = c.oid AND fk.contype = 'f') AS foreign_keys
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
  WHERE c.relkind IN ('r', 'p') AND c.relrowsecurity AND c.relforcerowsecurity
    AND EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = c.oid AND t.attname = 'tenant_id' AND NOT t.attisdropped)
  ORDER BY c.relname`;

/** Runs a catalog query through Prisma: a transaction's or the platform client's `$queryRaw`. */
export type CatalogReader = (query: Prisma.Sql) => Promise<unknown>;

/** A plain `pg.Client` (or pool): what provision.ts holds. */
export interface PgQueryable {
  query(text: string): Promise<{ rows: unknown[] }>;
}

/**
 * Every tenant-owned table with its columns, primary key and foreign keys, by name. `read` is a Prisma reader, a
 * tenant-scoped client (its `$scopedRaw`) or a pg client; the catalog is the same whoever reads it.
 */
export async function tenantTables(read: CatalogReader | TenantClient | PgQueryable): Promise<TenantTable[]> {
  const rows = (await runCatalog(read)) as CatalogRow[];
  return rows.map((row) => {
    if (!row.key || row.key.length === 0) {
      throw new Error(`The tenant table ${row.table} has no primary key; exports page through tables by their key.`);
    }
    return { name: row.table, columns: row.columns, key: row.key, foreignKeys: row.foreign_keys ?? [] };
  });
}

function runCatalog(read: CatalogReader | TenantClient | PgQueryable): Promise<unknown> {
  if (typeof read === 'function') return read(Prisma.raw(CATALOG));
  if ('$scopedRaw' in read) return read.$scopedRaw(Prisma.raw(CATALOG));
  return read.query(CATALOG).then((result) => result.rows);
}

/**
 * The tables in an order that inserts parents before children (foreign keys between tenant tables); reversed, it
 * deletes children before parents. A table referring to itself (categories' parent) must be inserted whole in one
 * statement, so its order does not matter.
 */
export function parentsFirst(tables: TenantTable[]): TenantTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const ordered: TenantTable[] = [];
  const visit = (table: TenantTable, path: Set<string>) => {
    if (done.has(table.name)) return;
    if (path.has(table.name)) throw new Error(`The tenant tables refer to each other in a cycle through ${table.name}.`);
    path.add(table.name);
    for (const fk of table.foreignKeys) {
      const parent = byName.get(fk.table);
      if (parent && parent.name !== table.name) visit(parent, path);
    }
    path.delete(table.name);
    done.add(table.name);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

/** `"name"`, for identifiers read from the catalog. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
