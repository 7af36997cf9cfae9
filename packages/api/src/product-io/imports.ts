import { TRPCError } from '@trpc/server';
import type { Prisma, TenantDb } from '@vitrine/db';
import { enqueueInTransaction } from '@vitrine/queue';
import { audit, memberActor, type AuditActor } from '../audit.ts';
import { conflict, notFound } from '../errors.ts';
import type { TenantContext } from '../trpc.ts';
import { applyImport, checkImport, ImportRefusedError, type ImportSummary } from './apply.ts';
import { formatOf, readSheet, SheetError, type SheetFormat } from './read-file.ts';
import { validateRows, type PlannedProduct, type RowError } from './validate.ts';

/** Errors kept per import (the page lists them; a file with more is refused all the same). */
const KEPT_ERRORS = 500;
/** Committing a file of 50,000 rows takes a while: one transaction, so give it time. */
const IMPORT_TIMEOUT_MS = 10 * 60_000;

const IMPORT_NOT_FOUND = 'This import does not exist in your store.';

export interface ImportView {
  id: string;
  fileName: string;
  format: string;
  status: string;
  rows: number;
  summary: Partial<ImportSummary>;
  errors: RowError[];
  errorCount: number;
  progress: { done: number; total: number };
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const VIEW = {
  id: true, fileName: true, format: true, status: true, rows: true, summary: true, errors: true, progressDone: true, progressTotal: true,
  createdAt: true, startedAt: true, finishedAt: true,
} as const;

type ImportRow = Prisma.ProductImportGetPayload<{ select: typeof VIEW }>;

function view(row: ImportRow, errorCount?: number): ImportView {
  const errors = (row.errors as unknown as RowError[]) ?? [];
  return {
    id: row.id,
    fileName: row.fileName,
    format: row.format,
    status: row.status,
    rows: row.rows,
    summary: row.summary as Partial<ImportSummary>,
    errors,
    errorCount: errorCount ?? (row.summary as { errorCount?: number }).errorCount ?? errors.length,
    progress: { done: row.progressDone, total: row.progressTotal },
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

interface Checked {
  products: PlannedProduct[];
  rows: number;
  errors: RowError[];
  summary: ImportSummary | null;
}

/** Reads and checks a file: its own rows first, then against the store (SKUs owned by other products). */
async function checkFile(tdb: TenantDb, tenantId: string, bytes: Buffer, format: SheetFormat, currency: string): Promise<Checked> {
  const sheet = await readSheet(bytes, format);
  const { products, errors } = validateRows(sheet.rows, currency);
  if (errors.length > 0) return { products, rows: sheet.rows.length, errors, summary: null };
  const checked = await tdb.$scoped((tx) => checkImport(tx, products, tenantId));
  return { products, rows: sheet.rows.length, errors: checked.errors, summary: checked.summary };
}

const byRow = (a: RowError, b: RowError) => a.row - b.row;

/** Uploads a file and checks it: INVALID with every error by row and column, or VALIDATED with what committing will do. */
export async function previewImport(ctx: TenantContext, input: { fileName: string; contentBase64: string }): Promise<ImportView> {
  let format: SheetFormat;
  let checked: Checked;
  const bytes = Buffer.from(input.contentBase64, 'base64');
  try {
    format = formatOf(input.fileName);
    checked = await checkFile(ctx.tdb, ctx.tenant.id, bytes, format, ctx.tenant.currency);
  } catch (error) {
    if (error instanceof SheetError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause: error });
    throw error;
  }
  const errors = checked.errors.sort(byRow);
  const row = await ctx.tdb.productImport.create({
    data: {
      tenantId: ctx.tenant.id,
      fileName: input.fileName,
      format,
      file: bytes,
      status: errors.length > 0 ? 'INVALID' : 'VALIDATED',
      rows: checked.rows,
      summary: { ...(checked.summary ?? {}), products: checked.products.length, errorCount: errors.length },
      errors: errors.slice(0, KEPT_ERRORS) as unknown as Prisma.InputJsonValue,
      createdByUserId: ctx.user.id,
    },
    select: VIEW,
  });
  return view(row, errors.length);
}

/** Queues a checked file for the worker; a file with errors, or one already committed, is refused. */
export async function commitImport(ctx: TenantContext, input: { id: string }): Promise<ImportView> {
  const tenantId = ctx.tenant.id;
  return ctx.tdb.$scoped(async (tx) => {
    const rows = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM product_imports WHERE id = ${input.id} FOR UPDATE`;
    const current = rows[0];
    if (!current) throw notFound(IMPORT_NOT_FOUND);
    if (current.status === 'INVALID') throw conflict('This file has errors: fix them and upload it again. Nothing was imported.');
    if (current.status !== 'VALIDATED') throw conflict('This file was already committed.');
    const row = await tx.productImport.update({ where: { id: input.id }, data: { status: 'QUEUED' }, select: VIEW });
    await enqueueInTransaction(tx, { queue: 'catalog', name: 'products.import', payload: { tenantId, importId: input.id }, jobId: `product-import-${input.id}`, tenantId });
    await audit(tx, memberActor(ctx), { tenantId, action: 'product.import.queued', targetType: 'product_import', targetId: input.id, data: { fileName: row.fileName, rows: row.rows } });
    return view(row);
  });
}

export async function getImport(ctx: TenantContext, input: { id: string }): Promise<ImportView> {
  const row = await ctx.tdb.productImport.findFirst({ where: { id: input.id }, select: VIEW });
  if (!row) throw notFound(IMPORT_NOT_FOUND);
  return view(row);
}

export async function listImports(ctx: TenantContext): Promise<ImportView[]> {
  const rows = await ctx.tdb.productImport.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 20, select: VIEW });
  return rows.map((row) => view({ ...row, errors: [] }));
}

/**
 * The worker's part: commits a QUEUED import in one transaction — every row or none — with the outcome
 * (SUCCEEDED and its summary, audited) in that same transaction. A retried job finds it finished and stops.
 * The file is checked again first: the store may have changed since the preview.
 */
export async function runImport(tdb: TenantDb, input: { tenantId: string; importId: string }): Promise<{ status: string; summary?: ImportSummary }> {
  const started = await tdb.productImport.updateMany({
    where: { id: input.importId, status: { in: ['QUEUED', 'RUNNING'] } },
    data: { status: 'RUNNING', startedAt: new Date(), progressDone: 0 },
  });
  const row = await tdb.productImport.findFirst({ where: { id: input.importId }, select: { file: true, format: true, status: true, createdByUserId: true, fileName: true } });
  if (!row) return { status: 'MISSING' };
  if (started.count === 0) return { status: row.status };
  const tenant = await tdb.$scoped((tx) => tx.$queryRaw<{ currency: string }[]>`SELECT currency FROM tenants WHERE id = ${input.tenantId}`);
  const currency = tenant[0]?.currency ?? 'BRL';

  const fail = async (errors: RowError[]) => {
    await tdb.productImport.update({
      where: { id: input.importId },
      data: { status: 'FAILED', finishedAt: new Date(), errors: errors.sort(byRow).slice(0, KEPT_ERRORS) as unknown as Prisma.InputJsonValue },
    });
    return { status: 'FAILED' };
  };

  let products: PlannedProduct[];
  try {
    const sheet = await readSheet(Buffer.from(row.file), row.format as SheetFormat);
    const validation = validateRows(sheet.rows, currency);
    if (validation.errors.length > 0) return await fail(validation.errors);
    products = validation.products;
  } catch (error) {
    if (error instanceof SheetError) return fail([{ row: 1, column: null, message: error.message }]);
    throw error;
  }
  const total = products.reduce((sum, p) => sum + p.variants.length, 0);
  await tdb.productImport.update({ where: { id: input.importId }, data: { progressTotal: total } });

  // The worker acts for the member who committed the file; the request id ties the row to this job.
  const actor: AuditActor = { requestId: `product-import-${input.importId}`, ip: null, ...(row.createdByUserId ? { userId: row.createdByUserId } : {}) };
  try {
    const summary = await tdb.$scoped(
      async (tx) => {
        const result = await applyImport(tx, input.tenantId, products, {
          currency,
          // Progress is written outside this transaction so the page sees it while the import runs.
          onProgress: (done) => tdb.productImport.update({ where: { id: input.importId }, data: { progressDone: done } }).then(() => undefined),
        });
        await tx.productImport.update({
          where: { id: input.importId },
          data: { status: 'SUCCEEDED', finishedAt: new Date(), progressDone: total, summary: { ...result, products: products.length, errorCount: 0 } },
        });
        await audit(tx, actor, { tenantId: input.tenantId, action: 'product.import.completed', targetType: 'product_import', targetId: input.importId, data: { fileName: row.fileName, ...result } });
        return result;
      },
      { timeout: IMPORT_TIMEOUT_MS, maxWait: 30_000 },
    );
    return { status: 'SUCCEEDED', summary };
  } catch (error) {
    if (error instanceof ImportRefusedError) return fail(error.errors);
    throw error;
  }
}
