import type { ScopedTransaction } from '@vitrine/db';
import { conflict, isUniqueViolation, notFound } from '../../../errors.ts';
import { slugify } from '../../../lib/slugify.ts';

/** Refuses SKUs already used by another product of the store, naming the first one. */
export async function assertSkusFree(tx: ScopedTransaction, skus: string[], exceptProductId?: string) {
  const clash = await tx.productVariant.findFirst({
    where: { sku: { in: skus }, ...(exceptProductId ? { productId: { not: exceptProductId } } : {}) },
    select: { sku: true },
  });
  if (clash) throw conflict(`SKU "${clash.sku}" is already used by another product in your store.`);
}

export async function assertCategoryExists(tx: ScopedTransaction, categoryId: string | null | undefined) {
  if (!categoryId) return;
  const category = await tx.category.findFirst({ where: { id: categoryId }, select: { id: true } });
  if (!category) throw notFound('That category does not exist in your store.');
}

/** The requested address (refused if taken) or a free one derived from the title (title, title-2, …). */
export async function productSlug(tx: ScopedTransaction, title: string, requested?: string, exceptProductId?: string) {
  const notSelf = exceptProductId ? { id: { not: exceptProductId } } : {};
  if (requested) {
    const taken = await tx.product.findFirst({ where: { slug: requested, ...notSelf }, select: { id: true } });
    if (taken) throw conflict(`Another product already uses the address "${requested}".`);
    return requested;
  }
  const base = slugify(title);
  const used = new Set(
    (await tx.product.findMany({ where: { slug: { startsWith: base }, ...notSelf }, select: { slug: true } })).map((p) => p.slug),
  );
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A unique violation that slipped past the checks (two requests at once) as a readable CONFLICT. */
export function explainUniqueViolation(error: unknown): never {
  if (isUniqueViolation(error, 'sku')) throw conflict('One of these SKUs was just used by another product. Choose a different SKU.');
  if (isUniqueViolation(error, 'slug')) throw conflict('Another product already uses this address. Choose a different one.');
  throw error;
}
