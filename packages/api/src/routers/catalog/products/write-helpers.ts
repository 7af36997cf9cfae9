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
  if (isUniqueViolation(error, 'storage_key')) throw conflict('This image was just attached to a product. Upload it again to use it here too.');
  throw error;
}

/** A product now lives at `slug`: an old address pointing elsewhere stops redirecting. */
export async function freeRedirectedSlug(tx: ScopedTransaction, slug: string) {
  await tx.productSlugRedirect.deleteMany({ where: { oldSlug: slug } });
}

/** The product moved from `oldSlug`: the old address keeps answering with a redirect to it. */
export async function keepOldSlug(tx: ScopedTransaction, tenantId: string, productId: string, oldSlug: string) {
  await tx.productSlugRedirect.upsert({
    where: { tenantId_oldSlug: { tenantId, oldSlug } },
    create: { tenantId, oldSlug, productId },
    update: { productId },
  });
}
