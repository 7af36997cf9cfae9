import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import yazl from 'yazl';
import { Prisma, quoteIdent, tenantTables, type Database, type TenantDb, type TenantTable } from '@vitrine/db';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportManifest } from './manifest.ts';
import { isRedacted, PLATFORM_COLUMNS, REDACTED_COLUMNS, WITHHELD_PLATFORM_COLUMNS } from './redaction.ts';

export interface ExportProgress {
  done: number;
  total: number;
}

export interface ExportOptions {
  /** Rows read per query (tables holding files use a handful). */
  pageSize?: number;
  /** Called after every page; awaited, so a slow progress write slows the export instead of piling up. */
  onProgress?: (progress: ExportProgress) => unknown;
}

const DEFAULT_PAGE = 1_000;
/** Pages of tables with a bytea column (uploaded sheets of up to 10 MB each). */
const FILE_PAGE = 5;
/** Columns written as text so no reader loses digits (JSON numbers are doubles). */
const AS_TEXT = new Set(['bigint', 'numeric']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Streams every row the store owns into `destination` as a zip archive: `<table>.json` (an array, one row per
 * line) and `<table>.csv` for each tenant table, the store's platform rows (tenant, domains, the members' users:
 * who they are, never their credentials), and manifest.json. Tenant rows are read through `forTenant`, so
 * row-level security is what limits them to this store; each table is read in pages by its primary key, so
 * memory stays flat whatever the store's size. CSV copies are spooled to a temporary directory while the JSON
 * entry streams, then added after it.
 */
export async function exportTenant(db: Database, tenantId: string, destination: Writable, options: ExportOptions = {}): Promise<ExportManifest> {
  const tdb = await db.forTenant(tenantId);
  const tables = await tenantTables(tdb);
  const schemaVersion = (await tdb.$scopedRaw<{ v: string | null }[]>(Prisma.sql`SELECT app_schema_version() AS v`))[0]?.v ?? null;
  const counts = await countRows(tdb, tables);
  const platform = await platformRows(db, tdb, tenantId);
  if (!platform.tenant[0]) throw new Error(`Tenant ${tenantId} does not exist.`);

  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const rowCounts: Record<string, number> = {};
  let done = 0;
  const spool = await mkdtemp(join(tmpdir(), 'vitrine-export-'));
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream, destination);
  // A failure below must still end the pipeline (and its file) before the temporary directory goes.
  written.catch(() => {});
  try {
    for (const [name, rows] of Object.entries(platform)) {
      const entry = openEntry(zip, spool, name, PLATFORM_COLUMNS[name as keyof typeof PLATFORM_COLUMNS]);
      for (const line of rows) await entry.write(line);
      rowCounts[name] = await entry.close();
    }
    await options.onProgress?.({ done, total });
    for (const table of tables) {
      const entry = openEntry(zip, spool, table.name, table.columns.map((c) => c.name));
      const pageSize = table.columns.some((c) => c.type === 'bytea') ? Math.min(FILE_PAGE, options.pageSize ?? FILE_PAGE) : (options.pageSize ?? DEFAULT_PAGE);
      let after: string[] | null = null;
      for (;;) {
        const page: { j: string; k: string[] }[] = await tdb.$scopedRaw(pageQuery(table, tenantId, after, pageSize));
        for (const row of page) await entry.write(row.j);
        done += page.length;
        await options.onProgress?.({ done, total: Math.max(total, done) });
        if (page.length < pageSize) break;
        after = page[page.length - 1]!.k;
      }
      rowCounts[table.name] = await entry.close();
    }
    const manifest: ExportManifest = {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      tenantId,
      tenantSlug: String((JSON.parse(platform.tenant[0]) as { slug: string }).slug),
      createdAt: new Date().toISOString(),
      schemaVersion: schemaVersion ?? 'unknown',
      rowCounts,
      tenantTables: tables.map((t) => t.name),
      redacted: { ...REDACTED_COLUMNS, ...WITHHELD_PLATFORM_COLUMNS },
    };
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json');
    zip.end();
    await written;
    return manifest;
  } catch (error) {
    (zip.outputStream as Readable).destroy(error as Error);
    await written.catch(() => {});
    throw error;
  } finally {
    await rm(spool, { recursive: true, force: true });
  }
}

/** Row counts per tenant table, for the progress total (one query). */
async function countRows(tdb: TenantDb, tables: TenantTable[]): Promise<Record<string, number>> {
  if (tables.length === 0) return {};
  const parts = tables.map((t) => `SELECT '${t.name}' AS t, count(*)::int AS n FROM ${quoteIdent(t.name)}`);
  const rows = await tdb.$scopedRaw<{ t: string; n: number }[]>(Prisma.raw(parts.join(' UNION ALL ')));
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

/** One page of a table after the cursor `after` (its key values as text), each row as one JSON line. */
function pageQuery(table: TenantTable, tenantId: string, after: string[] | null, limit: number): Prisma.Sql {
  const list = table.columns
    .map((c) => {
      const column = `base.${quoteIdent(c.name)}`;
      if (isRedacted(table.name, c.name)) return `NULL::${c.type} AS ${quoteIdent(c.name)}`;
      return AS_TEXT.has(c.type) ? `${column}::text AS ${quoteIdent(c.name)}` : `${column} AS ${quoteIdent(c.name)}`;
    })
    .join(', ');
  const types = new Map(table.columns.map((c) => [c.name, c.type]));
  const keys = table.key.map((k) => `base.${quoteIdent(k)}`);
  const cursor = after
    ? Prisma.sql` AND (${Prisma.raw(keys.join(', '))}) > (${Prisma.join(
        table.key.map((k, i) => Prisma.sql`${after[i]}::${Prisma.raw(types.get(k)!)}`),
      )})`
    : Prisma.empty;
  return Prisma.sql`
    SELECT row_to_json(r)::text AS j, ARRAY[${Prisma.raw(keys.map((k) => `${k}::text`).join(', '))}] AS k
    FROM ${Prisma.raw(quoteIdent(table.name))} AS base
    CROSS JOIN LATERAL (SELECT ${Prisma.raw(list)}) AS r
    WHERE base.tenant_id = ${tenantId}${cursor}
    ORDER BY ${Prisma.raw(keys.join(', '))}
    LIMIT ${limit}`;
}

/** The store's platform rows (explicit columns only), as JSON lines like the tenant tables'. */
async function platformRows(db: Database, tdb: TenantDb, tenantId: string): Promise<Record<keyof typeof PLATFORM_COLUMNS, string[]>> {
  const select = (table: string, columns: readonly string[], where: Prisma.Sql) =>
    db.platform.$queryRaw<{ j: string }[]>(
      Prisma.sql`SELECT row_to_json(r)::text AS j FROM (SELECT ${Prisma.raw(columns.map(quoteIdent).join(', '))} FROM ${Prisma.raw(quoteIdent(table))} ${where} ORDER BY id) r`,
    );
  // Which users are members is tenant data: read under row-level security, then their identities by id.
  const userIds = (await tdb.membership.findMany({ select: { userId: true } })).map((m) => m.userId);
  const [tenant, domains, users] = await Promise.all([
    select('tenants', PLATFORM_COLUMNS.tenant, Prisma.sql`WHERE id = ${tenantId}`),
    select('domains', PLATFORM_COLUMNS.domains, Prisma.sql`WHERE tenant_id = ${tenantId}`),
    userIds.length > 0 ? select('users', PLATFORM_COLUMNS.users, Prisma.sql`WHERE id IN (${Prisma.join(userIds)})`) : Promise.resolve([]),
  ]);
  return { tenant: tenant.map((r) => r.j), domains: domains.map((r) => r.j), users: users.map((r) => r.j) };
}

interface Entry {
  write(jsonLine: string): Promise<void>;
  /** Ends both files and returns the rows written. */
  close(): Promise<number>;
}

/**
 * `<name>.json` streamed into the archive (an array with one row per line, so it can be read back line by
 * line) and `<name>.csv` spooled to disk, added to the archive once complete.
 */
function openEntry(zip: yazl.ZipFile, spool: string, name: string, columns: readonly string[]): Entry {
  const json = new PassThrough();
  zip.addReadStream(json, `${name}.json`);
  const csvPath = join(spool, `${name}.csv`);
  const csv = createWriteStream(csvPath);
  let rows = 0;
  const put = async (stream: PassThrough | WriteStream, chunk: string) => {
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  return {
    async write(line) {
      await put(json, `${rows === 0 ? '[\n' : ',\n'}${line}`);
      await put(csv, `${rows === 0 ? stringify([columns as string[]]) : ''}${csvLine(JSON.parse(line) as Record<string, Json>, columns)}`);
      rows += 1;
    },
    async close() {
      json.end(rows === 0 ? '[]\n' : '\n]\n');
      if (rows === 0) await put(csv, stringify([columns as string[]]));
      csv.end();
      await once(csv, 'close');
      zip.addReadStream(createReadStream(csvPath), `${name}.csv`);
      return rows;
    },
  };
}

function csvLine(row: Record<string, Json>, columns: readonly string[]): string {
  return stringify([
    columns.map((c) => {
      const value = row[c];
      if (value === null || value === undefined) return '';
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    }),
  ]);
}
