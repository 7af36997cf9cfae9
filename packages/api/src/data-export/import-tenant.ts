import { createHash, randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { parentsFirst, Prisma, quoteIdent, tenantTables, type Database, type TenantTable } from '@vitrine/db';
import { audit } from '../audit.ts';
import { storeSlugProblem } from '../routers/tenant/slug.ts';
import { exportManifestSchema, type ExportManifest } from './manifest.ts';
import { REDACTED_COLUMNS, REGENERATED_ON_RESTORE } from './redaction.ts';

/** The import cannot go ahead; the message says why and what to do. Nothing was written. */
export class ImportRefusedError extends Error {
  override name = 'ImportRefusedError';
}

export interface ImportOptions {
  /** The new store's address; by default the archive's own (refused when taken). */
  slug?: string;
  /** The platform domain of the store's `{slug}.{domain}` address. */
  platformDomain: string;
  /** Who ran the import, for the audit row (e.g. `cli:<os user>`). */
  requestId?: string;
  log?: (line: string) => void;
}

export interface ImportResult {
  tenantId: string;
  slug: string;
  hostname: string;
  /** The archive's tenant id was free, so every id was kept. */
  sameIds: boolean;
  /** Rows in the new store per table (equal to the archive's, or the import is refused). */
  rowCounts: Record<string, number>;
  /** Tables left out, with the reason (their secrets are not in archives). */
  skipped: { table: string; reason: string }[];
  /** Members that had no account here and were created (without a password: they reset it to sign in). */
  createdUsers: string[];
}

const BATCH = 500;
/** One transaction for the whole store: give a large store time. */
const IMPORT_TIMEOUT_MS = 60 * 60_000;

type Row = Record<string, unknown>;

/**
 * Restores an export archive as a new store in one transaction: the store row (with `slug` and a new
 * `{slug}.{platformDomain}` address), every tenant table, and the members (matched by email; missing people are
 * created without a password). The archive's tenant id is kept when it is free; otherwise the store and every
 * row get new ids, and every reference between them (foreign keys, user references, audit targets) is
 * re-keyed the same way. An archive made at another schema version is refused; so is one whose restored row
 * counts would differ from its manifest. Withheld tokens that only open a link get new values; tables whose rows
 * need a withheld key (payment keys, Mercado Livre tokens) are left out and named, with the tables that depend on them.
 */
export async function importTenant(db: Database, archivePath: string, options: ImportOptions): Promise<ImportResult> {
  const log = options.log ?? (() => {});
  const zip = await openZip(archivePath);
  try {
    const manifest = await readManifest(zip);
    const current = (await db.platform.$queryRaw<{ v: string | null }[]>`SELECT app_schema_version() AS v`)[0]?.v ?? null;
    if (manifest.schemaVersion !== current) {
      throw new ImportRefusedError(
        `This archive was made at schema version ${manifest.schemaVersion}, and this database is at ${current ?? '(none)'}. ` +
          'Import it into a database at the same version (migrate it, or use the release that made the archive).',
      );
    }
    const slug = options.slug ?? manifest.tenantSlug;
    const problem = storeSlugProblem(slug);
    if (problem) throw new ImportRefusedError(`${problem}.`);
    if (await db.platform.tenant.findUnique({ where: { slug }, select: { id: true } })) {
      throw new ImportRefusedError(`The store address "${slug}" is already taken. Choose another one with --slug.`);
    }
    const [tenantRow] = await readRows(zip, 'tenant');
    if (!tenantRow) throw new ImportRefusedError('The archive has no tenant.json row; it is not a complete export.');
    const oldTenantId = manifest.tenantId;
    const sameIds = !(await db.platform.tenant.findUnique({ where: { id: oldTenantId }, select: { id: true } }));
    const tenantId = sameIds ? oldTenantId : `c${randomBytes(12).toString('hex')}`;
    const hostname = `${slug}.${options.platformDomain}`;

    // The tables as this database has them; the archive must name the same ones.
    const tables = parentsFirst(await tenantTables((query) => db.platform.$queryRaw(query)));
    checkTables(manifest, tables);

    const ids = rekeyer(oldTenantId, tenantId, sameIds);
    const result = await db.platform.$transaction(
      async (tx) => {
        const users = await matchUsers(tx, await readRows(zip, 'users'));
        ids.users = users.map;
        await tx.$executeRaw`INSERT INTO tenants SELECT * FROM json_populate_record(NULL::tenants, ${JSON.stringify({
          ...tenantRow, id: tenantId, slug, database_url_enc: null, updated_at: new Date().toISOString(),
        })}::json)`;
        await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
        await tx.domain.create({
          data: { tenantId, hostname, kind: 'SUBDOMAIN', verification: 'VERIFIED', verifiedAt: new Date(), isPrimary: true },
        });

        const rowCounts: Record<string, number> = {};
        const skipped: ImportResult['skipped'] = [];
        const leftOut = tablesLeftOut(tables);
        for (const table of tables) {
          const reason = leftOut.get(table.name);
          if (reason) {
            skipped.push({ table: table.name, reason });
            continue;
          }
          const selfReferencing = table.foreignKeys.some((fk) => fk.table === table.name);
          let batch: Row[] = [];
          const columns = Prisma.raw(table.columns.filter((c) => !c.generated).map((c) => quoteIdent(c.name)).join(', '));
          const flush = async () => {
            if (batch.length === 0) return;
            // ON CONFLICT: rows the database derives itself (search terms kept by triggers) already exist; the
            // row counts checked below prove nothing else was dropped.
            await tx.$executeRaw(
              Prisma.sql`INSERT INTO ${Prisma.raw(quoteIdent(table.name))} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${Prisma.raw(quoteIdent(table.name))}, ${JSON.stringify(batch)}::json) ON CONFLICT DO NOTHING`,
            );
            batch = [];
          };
          for await (const row of streamRows(zip, table.name)) {
            batch.push(regenerate(table, ids.rekeyRow(table, row)));
            if (!selfReferencing && batch.length >= BATCH) await flush();
          }
          await flush();
          const counted = await tx.$queryRaw<{ n: number }[]>(
            Prisma.sql`SELECT count(*)::int AS n FROM ${Prisma.raw(quoteIdent(table.name))} WHERE tenant_id = ${tenantId}`,
          );
          const n = counted[0]?.n ?? 0;
          const expected = manifest.rowCounts[table.name] ?? 0;
          if (n !== expected) {
            throw new ImportRefusedError(`${table.name}: the archive holds ${expected} rows but ${n} were restored; nothing was imported.`);
          }
          rowCounts[table.name] = n;
          log(`${table.name}: ${n}`);
        }
        await audit(tx, { requestId: options.requestId ?? 'import', ip: null }, {
          tenantId, action: 'tenant.imported', targetType: 'tenant', targetId: tenantId,
          data: { fromTenantId: oldTenantId, archiveCreatedAt: manifest.createdAt, schemaVersion: manifest.schemaVersion, slug },
        });
        return { rowCounts, skipped, createdUsers: users.created };
      },
      { timeout: IMPORT_TIMEOUT_MS, maxWait: 30_000 },
    );
    return { tenantId, slug, hostname, sameIds, ...result };
  } finally {
    zip.close();
  }
}

function checkTables(manifest: ExportManifest, tables: TenantTable[]): void {
  const here = new Set(tables.map((t) => t.name));
  const missing = manifest.tenantTables.filter((t) => !here.has(t));
  const extra = [...here].filter((t) => !manifest.tenantTables.includes(t));
  if (missing.length > 0 || extra.length > 0) {
    throw new ImportRefusedError(
      `The archive's tables do not match this database's (${[...missing.map((t) => `only in the archive: ${t}`), ...extra.map((t) => `only here: ${t}`)].join(', ')}).`,
    );
  }
}

/** Withheld required columns the restore cannot make up (sealed keys and tokens). */
function missingSecrets(table: TenantTable): string[] {
  const regenerated = REGENERATED_ON_RESTORE[table.name] ?? [];
  return (REDACTED_COLUMNS[table.name] ?? []).filter((c) => table.columns.find((col) => col.name === c)?.notNull && !regenerated.includes(c));
}

/**
 * Tables that cannot be restored, with the reason: those missing a withheld secret, and those whose rows point at
 * a table left out (parents come first in `tables`).
 */
function tablesLeftOut(tables: TenantTable[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const table of tables) {
    const missing = missingSecrets(table);
    if (missing.length > 0) {
      out.set(table.name, `its ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in archives (secrets are never exported); set it up again in the new store`);
      continue;
    }
    const parent = table.foreignKeys.find((fk) => fk.table !== table.name && out.has(fk.table));
    if (parent) out.set(table.name, `its rows belong to ${parent.table}, which is not restored`);
  }
  return out;
}

/** A new random value for each withheld column the restore regenerates (old links and cookies stop working). */
function regenerate(table: TenantTable, row: Row): Row {
  const columns = REGENERATED_ON_RESTORE[table.name];
  if (!columns) return row;
  const out = { ...row };
  for (const c of columns) if (out[c] === null || out[c] === undefined) out[c] = randomBytes(32).toString('hex');
  return out;
}

/** Users by email: existing accounts are reused, the others created without a password. */
async function matchUsers(tx: Prisma.TransactionClient, rows: Row[]): Promise<{ map: Map<string, string>; created: string[] }> {
  const map = new Map<string, string>();
  const created: string[] = [];
  for (const row of rows) {
    const email = String(row.email);
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) {
      map.set(String(row.id), existing.id);
      continue;
    }
    const user = await tx.user.create({ data: { email, name: (row.name as string | null) ?? null }, select: { id: true } });
    map.set(String(row.id), user.id);
    created.push(email);
  }
  return { map, created };
}

interface Rekeyer {
  users: Map<string, string>;
  rekeyRow(table: TenantTable, row: Row): Row;
}

/**
 * New ids that are the same for the same old id (a hash of the new tenant id and the old id), so a reference
 * and the row it points at are re-keyed alike whichever file comes first, with no table of ids in memory.
 */
function rekeyer(oldTenantId: string, tenantId: string, keep: boolean): Rekeyer {
  const rekey = (old: string) => (keep ? old : `c${createHash('sha256').update(`${tenantId}:${old}`).digest('hex').slice(0, 24)}`);
  const self: Rekeyer = {
    users: new Map(),
    rekeyRow(table, row) {
      const out: Row = { ...row, tenant_id: tenantId };
      const text = new Set(table.columns.filter((c) => c.type === 'text').map((c) => c.name));
      const userColumns = new Set(table.foreignKeys.filter((fk) => fk.table === 'users').flatMap((fk) => fk.columns));
      const rowColumns = new Set(
        table.foreignKeys.filter((fk) => fk.table !== 'users' && fk.table !== 'tenants').flatMap((fk) => fk.columns.filter((c) => c !== 'tenant_id')),
      );
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== 'string' || !text.has(column) || column === 'tenant_id') continue;
        if (userColumns.has(column) || /user_id$|^requested_by$/.test(column)) {
          // A person who is not a member (platform staff) keeps their id.
          out[column] = self.users.get(value) ?? value;
        } else if (column === 'id' || rowColumns.has(column)) {
          out[column] = rekey(value);
        } else if (column === 'target_id') {
          out[column] = value === oldTenantId ? tenantId : (self.users.get(value) ?? rekey(value));
        }
      }
      return out;
    },
  };
  return self;
}

// ───────────── reading the archive ─────────────

interface Zip {
  entries: Map<string, yauzl.Entry>;
  open(entry: yauzl.Entry): Promise<Readable>;
  close(): void;
}

function openZip(path: string): Promise<Zip> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, zipfile) => {
      if (error || !zipfile) {
        reject(new ImportRefusedError(`${path} is not a zip archive we can read (${error?.message ?? 'unknown error'}).`));
        return;
      }
      const entries = new Map<string, yauzl.Entry>();
      zipfile.on('entry', (entry: yauzl.Entry) => {
        entries.set(entry.fileName, entry);
        zipfile.readEntry();
      });
      zipfile.on('error', (e: Error) => reject(new ImportRefusedError(`The archive is damaged: ${e.message}`)));
      zipfile.on('end', () =>
        resolve({
          entries,
          open: (entry) =>
            new Promise((res, rej) => zipfile.openReadStream(entry, (e, stream) => (e || !stream ? rej(e ?? new Error('unreadable entry')) : res(stream)))),
          close: () => zipfile.close(),
        }),
      );
      zipfile.readEntry();
    });
  });
}

async function readManifest(zip: Zip): Promise<ExportManifest> {
  const entry = zip.entries.get('manifest.json');
  if (!entry) throw new ImportRefusedError('The archive has no manifest.json; it is not a Vitrine store export.');
  const chunks: Buffer[] = [];
  for await (const chunk of await zip.open(entry)) chunks.push(chunk as Buffer);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ImportRefusedError('The archive’s manifest.json is not valid JSON.');
  }
  const manifest = exportManifestSchema.safeParse(parsed);
  if (!manifest.success) throw new ImportRefusedError('The archive’s manifest.json is not one of a Vitrine store export (format version 1).');
  return manifest.data;
}

/** The rows of `<name>.json`, one per line (the export writes one row per line inside the array). */
async function* streamRows(zip: Zip, name: string): AsyncGenerator<Row> {
  const entry = zip.entries.get(`${name}.json`);
  if (!entry) throw new ImportRefusedError(`The archive has no ${name}.json; it is not a complete export.`);
  const lines = createInterface({ input: await zip.open(entry), crlfDelay: Infinity });
  for await (const raw of lines) {
    const line = raw.trim().replace(/,$/, '');
    if (line === '' || line === '[' || line === ']' || line === '[]') continue;
    yield JSON.parse(line) as Row;
  }
}

async function readRows(zip: Zip, name: string): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const row of streamRows(zip, name)) rows.push(row);
  return rows;
}
