import { randomUUID } from 'node:crypto';
import { Prisma, type ScopedTransaction } from '@vitrine/db';
import { slugify } from '../lib/slugify.ts';
import { assertWithinLimit, planLimitOf, precheckWithinLimit } from '../plans/index.ts';
import type { PlannedProduct, RowError } from './validate.ts';

export interface ImportSummary {
  productsCreated: number;
  productsUpdated: number;
  variantsCreated: number;
  variantsUpdated: number;
  categoriesCreated: number;
}

export interface ImportCheck {
  summary: ImportSummary;
  errors: RowError[];
}

/** Rows written per statement (one INSERT … SELECT FROM json_to_recordset each): the catalog's statement triggers then refresh search terms and stock once per batch. */
const BATCH = 5000;

const chunks = <T>(list: readonly T[], size = BATCH): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

interface Existing {
  products: Map<string, string>; // handle → id
  archived: Set<string>; // handles of archived products
  skuOwners: Map<string, { productId: string; handle: string }>; // SKU (upper case) → owner
  categories: Map<string, string>; // folded name or slug → id
}

async function readExisting(tx: ScopedTransaction, products: readonly PlannedProduct[]): Promise<Existing> {
  const handles = products.map((p) => p.handle);
  const skus = products.flatMap((p) => p.variants.map((v) => v.sku.toUpperCase()));
  const existing: Existing = { products: new Map(), archived: new Set(), skuOwners: new Map(), categories: new Map() };
  for (const batch of chunks(handles)) {
    for (const row of await tx.product.findMany({ where: { slug: { in: batch } }, select: { id: true, slug: true, status: true } })) {
      existing.products.set(row.slug, row.id);
      if (row.status === 'ARCHIVED') existing.archived.add(row.slug);
    }
  }
  for (const batch of chunks(skus)) {
    const rows = await tx.$queryRaw<{ sku: string; productId: string; handle: string }[]>(Prisma.sql`
      SELECT upper(v.sku) AS sku, v.product_id AS "productId", p.slug AS handle
        FROM product_variants v JOIN products p ON p.tenant_id = v.tenant_id AND p.id = v.product_id
       WHERE upper(v.sku) = ANY(${batch}::text[])`);
    for (const row of rows) existing.skuOwners.set(row.sku, { productId: row.productId, handle: row.handle });
  }
  for (const category of await tx.category.findMany({ select: { id: true, name: true, slug: true } })) {
    existing.categories.set(category.slug, category.id);
    existing.categories.set(slugify(category.name), category.id);
  }
  return existing;
}

/**
 * What committing would do, and the rows the database refuses (a SKU that belongs to another product); with the
 * store's id, also a file that would take the store past its plan's products.
 */
export async function checkImport(tx: ScopedTransaction, products: readonly PlannedProduct[], tenantId?: string): Promise<ImportCheck> {
  const existing = await readExisting(tx, products);
  const checked = plan(products, existing);
  if (tenantId === undefined || checked.errors.length > 0) return checked;
  try {
    await assertImportFits(tx, tenantId, productsAdded(products, existing), false);
  } catch (error) {
    if (error instanceof ImportRefusedError) return { ...checked, errors: error.errors };
    throw error;
  }
  return checked;
}

/** Products a file adds to what the plan counts: new ones, and archived ones that a status cell brings back. */
const productsAdded = (products: readonly PlannedProduct[], existing: Existing) =>
  products.filter((p) => !existing.products.has(p.handle) || (existing.archived.has(p.handle) && p.status !== null)).length;

/**
 * The products a file adds must fit the plan, or the whole file is refused with the plan's sentence. `written`:
 * the file's rows are already written in this transaction, so the count (now under the plan's lock, held until
 * commit) includes them; before writing, an early answer without the lock.
 */
async function assertImportFits(tx: ScopedTransaction, tenantId: string, adding: number, written: boolean): Promise<void> {
  if (adding === 0) return;
  const check = written ? assertWithinLimit(tx, { id: tenantId }, 'products', 0) : precheckWithinLimit(tx, { id: tenantId }, 'products', adding);
  await check.catch((error: unknown) => {
    if (!planLimitOf(error) || !(error instanceof Error)) throw error;
    const products = adding === 1 ? '1 product' : `${adding.toLocaleString('en-US')} products`;
    throw new ImportRefusedError([{ row: 1, column: null, message: `This file would add ${products}. ${error.message} Nothing was imported.` }]);
  });
}

function plan(products: readonly PlannedProduct[], existing: Existing): ImportCheck {
  const errors: RowError[] = [];
  const summary: ImportSummary = { productsCreated: 0, productsUpdated: 0, variantsCreated: 0, variantsUpdated: 0, categoriesCreated: 0 };
  const newCategories = new Set<string>();
  for (const product of products) {
    if (existing.products.has(product.handle)) summary.productsUpdated += 1;
    else if (!product.title) errors.push({ row: product.rowNumber, column: 'title', message: `"${product.handle}" is a new product: its first row needs the title.` });
    else summary.productsCreated += 1;
    if (product.category) {
      const key = slugify(product.category);
      if (!existing.categories.has(key)) newCategories.add(key);
    }
    for (const variant of product.variants) {
      const owner = existing.skuOwners.get(variant.sku.toUpperCase());
      if (!owner) summary.variantsCreated += 1;
      else if (owner.handle === product.handle) summary.variantsUpdated += 1;
      else errors.push({ row: variant.rowNumber, column: 'sku', message: `SKU "${variant.sku}" already belongs to the product "${owner.handle}" in your store.` });
    }
  }
  summary.categoriesCreated = newCategories.size;
  return { summary, errors };
}

export interface ApplyOptions {
  currency: string;
  /** Called after each written batch with the variants written so far. */
  onProgress?: (done: number, total: number) => Promise<void> | void;
}

/**
 * Writes a checked file inside the caller's transaction: missing categories, then products by handle (created,
 * or updated with the columns the file gives — empty cells keep what is stored), then variants by SKU. Variants
 * of a product that the file does not list are kept. Throws the check's errors if the database changed since.
 */
export async function applyImport(tx: ScopedTransaction, tenantId: string, products: readonly PlannedProduct[], options: ApplyOptions): Promise<ImportSummary> {
  const existing = await readExisting(tx, products);
  const checked = plan(products, existing);
  if (checked.errors.length > 0) throw new ImportRefusedError(checked.errors);
  const adding = productsAdded(products, existing);
  await assertImportFits(tx, tenantId, adding, false);

  // Categories named in the file that the store does not have yet.
  const missing = new Map<string, string>();
  for (const product of products) {
    if (product.category && !existing.categories.has(slugify(product.category))) missing.set(slugify(product.category), product.category);
  }
  if (missing.size > 0) {
    const created = await tx.category.createManyAndReturn({
      data: [...missing].map(([slug, name]) => ({ tenantId, name, slug })),
      select: { id: true, slug: true },
    });
    for (const row of created) existing.categories.set(row.slug, row.id);
  }

  const total = products.reduce((sum, p) => sum + p.variants.length, 0);
  let done = 0;
  const productIds = new Map<string, string>();
  const productRow = (p: PlannedProduct) => ({
    id: existing.products.get(p.handle) ?? `prod_${randomUUID()}`,
    slug: p.handle,
    title: p.title || null,
    description: p.description,
    status: p.status,
    categoryId: p.category ? (existing.categories.get(slugify(p.category)) ?? null) : null,
    seoTitle: p.seoTitle,
    seoDescription: p.seoDescription,
  });
  const RECORD = Prisma.sql`AS x(id text, slug text, title text, description text, status text, "categoryId" text, "seoTitle" text, "seoDescription" text)`;
  for (const batch of chunks(products.filter((p) => !existing.products.has(p.handle)))) {
    const rows = batch.map(productRow);
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO products (id, tenant_id, slug, title, description, status, category_id, seo_title, seo_description, updated_at)
      SELECT x.id, ${tenantId}, x.slug, x.title, COALESCE(x.description, ''), COALESCE(x.status, 'DRAFT')::"ProductStatus", x."categoryId",
             x."seoTitle", x."seoDescription", now()
        FROM json_to_recordset(${JSON.stringify(rows)}::json) ${RECORD}`);
    for (const row of rows) productIds.set(row.slug, row.id);
  }
  // Products already in the store: a column left empty in the file keeps what is stored.
  for (const batch of chunks(products.filter((p) => existing.products.has(p.handle)))) {
    const rows = batch.map(productRow);
    await tx.$executeRaw(Prisma.sql`
      UPDATE products AS p SET
        title = COALESCE(x.title, p.title),
        description = COALESCE(x.description, p.description),
        status = COALESCE(x.status::"ProductStatus", p.status),
        archived_at = CASE WHEN x.status IS NULL THEN p.archived_at ELSE NULL END,
        category_id = COALESCE(x."categoryId", p.category_id),
        seo_title = COALESCE(x."seoTitle", p.seo_title),
        seo_description = COALESCE(x."seoDescription", p.seo_description),
        updated_at = now()
      FROM json_to_recordset(${JSON.stringify(rows)}::json) ${RECORD}
      WHERE p.tenant_id = ${tenantId} AND p.id = x.id`);
    for (const row of rows) productIds.set(row.slug, row.id);
  }

  for (const batch of chunks(products.flatMap((p) => p.variants.map((v, position) => ({ ...v, position, productId: productIds.get(p.handle)! }))))) {
    const rows = batch.map((v) => ({
      id: `var_${randomUUID()}`,
      productId: v.productId,
      sku: v.sku,
      title: v.title,
      attributes: v.attributes,
      priceAmount: v.priceAmount,
      compareAtAmount: v.compareAtAmount,
      stock: v.stock,
      position: v.position,
    }));
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO product_variants AS v (id, tenant_id, product_id, sku, title, attributes, price_amount, compare_at_amount, currency, stock, position, updated_at)
      SELECT x.id, ${tenantId}, x."productId", x.sku, x.title, x.attributes, x."priceAmount", x."compareAtAmount", ${options.currency}, x.stock, x.position, now()
        FROM json_to_recordset(${JSON.stringify(rows)}::json)
          AS x(id text, "productId" text, sku text, title text, attributes jsonb, "priceAmount" int, "compareAtAmount" int, stock int, position int)
      ON CONFLICT (tenant_id, sku) DO UPDATE SET
        title = excluded.title, attributes = excluded.attributes, price_amount = excluded.price_amount,
        compare_at_amount = excluded.compare_at_amount, stock = excluded.stock, updated_at = now()
      WHERE v.product_id = excluded.product_id`);
    done += batch.length;
    await options.onProgress?.(done, total);
  }
  await assertImportFits(tx, tenantId, adding, true);
  return checked.summary;
}

/** The database no longer accepts the file as checked (e.g. a SKU was given to another product meanwhile). */
export class ImportRefusedError extends Error {
  override readonly name = 'ImportRefusedError';
  constructor(readonly errors: RowError[]) {
    super(`The file was not imported: ${errors.length} row${errors.length === 1 ? '' : 's'} conflict with your store.`);
  }
}
