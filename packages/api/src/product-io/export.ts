import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { TenantContext } from '../trpc.ts';
import { COLUMNS } from './columns.ts';
import { currencyDigits } from './validate.ts';

export const EXPORT_HEADER: string[] = COLUMNS.map((c) => c.header);

/** A price in minor units as the sheet writes it: 1990 → "19.90" (read back by parsePrice). */
export function priceText(amount: number, digits: number): string {
  return digits === 0 ? String(amount) : (amount / 10 ** digits).toFixed(digits);
}

/**
 * One page of the store's catalog as sheet rows (one per variant, product columns on each row), products by
 * id for stable paging. Archived products are included with status "archived" so nothing is lost in a round trip.
 */
export async function exportPage(ctx: TenantContext, input: { after?: string; limit: number }) {
  const digits = currencyDigits(ctx.tenant.currency);
  const products = await ctx.tdb.product.findMany({
    where: input.after ? { id: { gt: input.after } } : {},
    orderBy: { id: 'asc' },
    take: input.limit,
    select: {
      id: true, slug: true, title: true, description: true, status: true, seoTitle: true, seoDescription: true,
      category: { select: { name: true } },
      variants: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { sku: true, attributes: true, priceAmount: true, compareAtAmount: true, stock: true } },
    },
  });
  const rows: string[][] = [];
  for (const p of products) {
    for (const v of p.variants) {
      const options = Object.entries((v.attributes ?? {}) as Record<string, string>).slice(0, 3);
      const option = (i: number) => [options[i]?.[0] ?? '', options[i]?.[1] ?? ''];
      rows.push([
        p.slug, p.title, p.description, p.status === 'ARCHIVED' ? 'draft' : p.status.toLowerCase(), p.category?.name ?? '', p.seoTitle ?? '', p.seoDescription ?? '',
        ...option(0), ...option(1), ...option(2),
        v.sku, priceText(v.priceAmount, digits), v.compareAtAmount === null ? '' : priceText(v.compareAtAmount, digits), String(v.stock),
      ]);
    }
  }
  const last = products[products.length - 1];
  return { rows, next: products.length === input.limit && last ? last.id : null };
}

export function csvOf(rows: readonly string[][], withHeader: boolean): string {
  return stringify(withHeader ? [EXPORT_HEADER, ...rows] : [...rows]);
}

export async function xlsxOf(rows: readonly string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('products');
  sheet.addRow(EXPORT_HEADER);
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
