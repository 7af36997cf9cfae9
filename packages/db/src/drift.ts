import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * Drift between prisma/schema.prisma and a migrated database.
 *
 * The SQL migrations are written by hand, so nothing but this check keeps them and the Prisma schema in
 * step. The generated client's runtime data model carries model and column names but not nullability,
 * lists or native types, so the schema file itself is parsed (model and enum blocks only), and the parse is
 * cross-checked against the generated client in drift.test.ts.
 */
export const SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'prisma', 'schema.prisma');

export interface SchemaField {
  name: string;
  /** Prisma type name: a scalar (String, Int, ...), an enum or a model. */
  type: string;
  optional: boolean;
  list: boolean;
  /** Column name (`@map`, else the field name). */
  column: string;
  /** Native type from `@db.X(args)`, e.g. `{ name: 'Char', args: ['3'] }`. */
  native?: { name: string; args: string[] };
}

export interface SchemaModel {
  name: string;
  /** Table name (`@@map`, else the model name). */
  table: string;
  fields: SchemaField[];
}

export interface SchemaEnum {
  name: string;
  /** Type name in the database (`@@map`, else the enum name). */
  dbName: string;
  values: string[];
}

export interface ParsedSchema {
  models: SchemaModel[];
  enums: SchemaEnum[];
}

/** Removes `//` and `///` comments, leaving `//` inside string literals alone. */
function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && inString) i++;
    else if (c === '"') inString = !inString;
    else if (!inString && c === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}

const mapArg = (text: string, attribute: '@map' | '@@map'): string | undefined => {
  const pattern = attribute === '@map' ? /(?<!@)@map\(\s*(?:name:\s*)?"([^"]+)"\s*\)/ : /@@map\(\s*(?:name:\s*)?"([^"]+)"\s*\)/;
  return pattern.exec(text)?.[1];
};

export function parsePrismaSchema(text: string): ParsedSchema {
  const lines = text.split(/\r?\n/).map((l) => stripComment(l).trim());
  const blocks: { kind: string; name: string; body: string[] }[] = [];
  let current: { kind: string; name: string; body: string[] } | undefined;
  for (const line of lines) {
    if (!current) {
      const open = /^(model|enum|generator|datasource|view|type)\s+(\w+)\s*\{$/.exec(line);
      if (open) current = { kind: open[1]!, name: open[2]!, body: [] };
      continue;
    }
    if (line === '}') {
      blocks.push(current);
      current = undefined;
    } else if (line) {
      current.body.push(line);
    }
  }
  if (current) throw new Error(`schema.prisma: block ${current.kind} ${current.name} is never closed`);

  const enums: SchemaEnum[] = blocks
    .filter((b) => b.kind === 'enum')
    .map((b) => ({
      name: b.name,
      dbName: mapArg(b.body.filter((l) => l.startsWith('@@')).join(' '), '@@map') ?? b.name,
      values: b.body.filter((l) => !l.startsWith('@@')).map((l) => l.split(/\s+/)[0]!),
    }));

  const models: SchemaModel[] = blocks
    .filter((b) => b.kind === 'model')
    .map((b) => {
      const blockAttributes = b.body.filter((l) => l.startsWith('@@')).join(' ');
      const fields = b.body
        .filter((l) => !l.startsWith('@@'))
        .map((line): SchemaField => {
          const match = /^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
          if (!match) throw new Error(`schema.prisma: cannot read the field line "${line}" in model ${b.name}`);
          const [name, type, list, optional, rest] = [match[1]!, match[2]!, match[3], match[4], match[5] ?? ''];
          const native = /@db\.(\w+)(?:\(([^)]*)\))?/.exec(rest);
          return {
            name,
            type,
            list: Boolean(list),
            optional: Boolean(optional),
            column: mapArg(rest, '@map') ?? name,
            ...(native
              ? { native: { name: native[1]!, args: native[2] ? native[2].split(',').map((a) => a.trim()).filter(Boolean) : [] } }
              : {}),
          };
        });
      return { name: b.name, table: mapArg(blockAttributes, '@@map') ?? b.name, fields };
    });
  return { models, enums };
}

/** A column as information_schema describes it. */
export interface DbColumn {
  table: string;
  column: string;
  dataType: string;
  udtName: string;
  nullable: boolean;
  maxLength: number | null;
  datetimePrecision: number | null;
}

export interface DbSnapshot {
  columns: DbColumn[];
  /** Enum type name → labels in sort order. */
  enums: Map<string, string[]>;
}

export async function readDatabase(databaseUrl: string, schema = 'public'): Promise<DbSnapshot> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const columns = await client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: string;
      character_maximum_length: number | null;
      datetime_precision: number | null;
    }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, character_maximum_length, datetime_precision
         FROM information_schema.columns WHERE table_schema = $1`,
      [schema],
    );
    const enumRows = await client.query<{ typname: string; enumlabel: string }>(
      `SELECT t.typname, e.enumlabel FROM pg_type t
         JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = $1 ORDER BY t.typname, e.enumsortorder`,
      [schema],
    );
    const enums = new Map<string, string[]>();
    for (const row of enumRows.rows) enums.set(row.typname, [...(enums.get(row.typname) ?? []), row.enumlabel]);
    return {
      columns: columns.rows.map((r) => ({
        table: r.table_name,
        column: r.column_name,
        dataType: r.data_type,
        udtName: r.udt_name,
        nullable: r.is_nullable === 'YES',
        maxLength: r.character_maximum_length,
        datetimePrecision: r.datetime_precision,
      })),
      enums,
    };
  } finally {
    await client.end();
  }
}

interface ExpectedType {
  /** information_schema data_type of the element (for lists: of each item). */
  dataType: string;
  /** pg udt name of the element, e.g. text, int4, TenantStatus. */
  udtName: string;
  maxLength?: number;
  datetimePrecision?: number;
}

const DEFAULT_TYPES: Record<string, ExpectedType> = {
  String: { dataType: 'text', udtName: 'text' },
  Int: { dataType: 'integer', udtName: 'int4' },
  BigInt: { dataType: 'bigint', udtName: 'int8' },
  Float: { dataType: 'double precision', udtName: 'float8' },
  Decimal: { dataType: 'numeric', udtName: 'numeric' },
  Boolean: { dataType: 'boolean', udtName: 'bool' },
  DateTime: { dataType: 'timestamp without time zone', udtName: 'timestamp', datetimePrecision: 3 },
  Json: { dataType: 'jsonb', udtName: 'jsonb' },
  Bytes: { dataType: 'bytea', udtName: 'bytea' },
};

const NATIVE_TYPES: Record<string, (args: number[]) => ExpectedType> = {
  Text: () => ({ dataType: 'text', udtName: 'text' }),
  Char: ([n]) => ({ dataType: 'character', udtName: 'bpchar', maxLength: n ?? 1 }),
  VarChar: ([n]) => ({ dataType: 'character varying', udtName: 'varchar', ...(n === undefined ? {} : { maxLength: n }) }),
  Uuid: () => ({ dataType: 'uuid', udtName: 'uuid' }),
  Integer: () => ({ dataType: 'integer', udtName: 'int4' }),
  SmallInt: () => ({ dataType: 'smallint', udtName: 'int2' }),
  BigInt: () => ({ dataType: 'bigint', udtName: 'int8' }),
  Timestamptz: ([p]) => ({ dataType: 'timestamp with time zone', udtName: 'timestamptz', datetimePrecision: p ?? 6 }),
  Timestamp: ([p]) => ({ dataType: 'timestamp without time zone', udtName: 'timestamp', datetimePrecision: p ?? 6 }),
  Date: () => ({ dataType: 'date', udtName: 'date' }),
  Json: () => ({ dataType: 'json', udtName: 'json' }),
  JsonB: () => ({ dataType: 'jsonb', udtName: 'jsonb' }),
};

function expectedType(field: SchemaField, enums: Map<string, SchemaEnum>): ExpectedType | string {
  const enumType = enums.get(field.type);
  if (enumType) return { dataType: 'USER-DEFINED', udtName: enumType.dbName };
  if (field.native) {
    const native = NATIVE_TYPES[field.native.name];
    if (!native) return `native type @db.${field.native.name} is not known to the drift check`;
    return native(field.native.args.map(Number));
  }
  return DEFAULT_TYPES[field.type] ?? `type ${field.type} is not known to the drift check`;
}

const describeType = (c: DbColumn) =>
  c.dataType === 'ARRAY' ? `${c.udtName.replace(/^_/, '')}[]` : c.dataType === 'USER-DEFINED' ? c.udtName : c.dataType;

/** Every way the database differs from the schema, as sentences naming table, column and model field. */
export function compareSchema(schema: ParsedSchema, db: DbSnapshot): string[] {
  const problems: string[] = [];
  const enums = new Map(schema.enums.map((e) => [e.name, e]));
  const modelNames = new Set(schema.models.map((m) => m.name));
  const tables = new Map<string, Map<string, DbColumn>>();
  for (const column of db.columns) {
    if (!tables.has(column.table)) tables.set(column.table, new Map());
    tables.get(column.table)!.set(column.column, column);
  }

  for (const e of schema.enums) {
    const labels = db.enums.get(e.dbName);
    if (!labels) {
      problems.push(`enum ${e.name}: type "${e.dbName}" is missing from the database`);
      continue;
    }
    const missing = e.values.filter((v) => !labels.includes(v));
    const extra = labels.filter((v) => !e.values.includes(v));
    if (missing.length) problems.push(`enum ${e.name}: values ${missing.join(', ')} are missing from the database`);
    if (extra.length) problems.push(`enum ${e.name}: the database has values ${extra.join(', ')} that the schema lacks`);
  }

  for (const model of schema.models) {
    const columns = tables.get(model.table);
    if (!columns) {
      problems.push(`${model.table} (model ${model.name}): table is missing`);
      continue;
    }
    for (const field of model.fields) {
      if (modelNames.has(field.type)) continue; // relation field: no column of its own
      const where = `${model.table}.${field.column} (${model.name}.${field.name})`;
      const column = columns.get(field.column);
      if (!column) {
        problems.push(`${where}: column is missing`);
        continue;
      }
      const expected = expectedType(field, enums);
      if (typeof expected === 'string') {
        problems.push(`${where}: ${expected}`);
        continue;
      }
      const wanted = field.list
        ? `${expected.udtName}[]`
        : expected.dataType === 'USER-DEFINED' ? `enum ${expected.udtName}` : expected.dataType;
      const typeOk = field.list
        ? column.dataType === 'ARRAY' && column.udtName === `_${expected.udtName}`
        : column.dataType === expected.dataType && column.udtName === expected.udtName;
      if (!typeOk) {
        problems.push(`${where}: type is ${describeType(column)}, expected ${wanted}`);
      } else if (!field.list && expected.maxLength !== undefined && column.maxLength !== expected.maxLength) {
        problems.push(`${where}: length is ${column.maxLength ?? 'unlimited'}, expected ${expected.maxLength}`);
      } else if (!field.list && expected.datetimePrecision !== undefined && column.datetimePrecision !== expected.datetimePrecision) {
        problems.push(`${where}: precision is ${column.datetimePrecision}, expected ${expected.datetimePrecision}`);
      }
      const shouldBeNullable = field.optional && !field.list;
      if (column.nullable !== shouldBeNullable) {
        problems.push(`${where}: column is ${column.nullable ? 'nullable' : 'NOT NULL'}, expected ${shouldBeNullable ? 'nullable' : 'NOT NULL'}`);
      }
    }
  }
  return problems;
}

export async function checkDrift(options: { databaseUrl: string; schemaPath?: string }): Promise<string[]> {
  const schema = parsePrismaSchema(await readFile(options.schemaPath ?? SCHEMA_PATH, 'utf8'));
  return compareSchema(schema, await readDatabase(options.databaseUrl));
}
