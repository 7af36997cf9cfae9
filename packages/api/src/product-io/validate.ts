import { ITEM_SLUG } from '../lib/slugify.ts';
import { headerOf, type ColumnKey, type SheetRow } from './columns.ts';

/** A problem in the file, named by its spreadsheet row (header = 1) and column. */
export interface RowError {
  row: number;
  column: string | null;
  message: string;
}

export interface PlannedVariant {
  rowNumber: number;
  sku: string;
  title: string;
  attributes: Record<string, string>;
  priceAmount: number;
  compareAtAmount: number | null;
  stock: number;
}

export interface PlannedProduct {
  rowNumber: number;
  handle: string;
  title: string;
  description: string | null;
  status: 'DRAFT' | 'ACTIVE' | null;
  category: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  variants: PlannedVariant[];
}

const STATUS: Record<string, 'DRAFT' | 'ACTIVE'> = { draft: 'DRAFT', rascunho: 'DRAFT', active: 'ACTIVE', ativo: 'ACTIVE', published: 'ACTIVE', publicado: 'ACTIVE' };
const SKU = /^[A-Za-z0-9._/-]{1,64}$/;
const MAX_VARIANTS = 100;

/** Minor-unit digits of a currency (BRL 2, JPY 0). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * "19.90", "19,90", "1.234,56", "1,234.56", "R$ 19,90" → minor units; null when it is not a price. With both
 * separators the last one is the decimal one; with one kind, it is decimal when it appears once and is
 * followed by at most `digits` digits ("1.234" is a thousand and some, "19.9" nineteen ninety).
 */
export function parsePrice(raw: string, digits: number): number | null {
  if (raw.includes('-')) return null;
  const text = raw.replace(/[^\d.,]/g, '');
  if (!/^\d[\d.,]*$/.test(text) || /[.,]$/.test(text)) return null;
  let decimal: '.' | ',' | null = null;
  if (text.includes('.') && text.includes(',')) decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
  else {
    const sep = text.includes('.') ? '.' : text.includes(',') ? ',' : null;
    if (sep && text.split(sep).length === 2 && text.length - text.indexOf(sep) - 1 <= digits) decimal = sep;
  }
  const [whole = '', fraction = ''] = decimal ? [text.slice(0, text.lastIndexOf(decimal)), text.slice(text.lastIndexOf(decimal) + 1)] : [text, ''];
  // Thousands separators, if any, are the other character and group the digits by three.
  const grouping = decimal === '.' ? ',' : decimal === ',' ? '.' : whole.includes('.') ? '.' : ',';
  const grouped = new RegExp(`^\\d{1,3}(\\${grouping}\\d{3})+$`);
  if (!/^\d+$/.test(whole) && !grouped.test(whole)) return null;
  const digitsOnly = whole.replace(/[.,]/g, '');
  if (!/^\d*$/.test(fraction) || fraction.length > digits) return null;
  const amount = Number(digitsOnly) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(amount) && amount <= 1_000_000_000 ? amount : null;
}

const OPTION_COLUMNS = [
  ['option1Name', 'option1Value'],
  ['option2Name', 'option2Value'],
  ['option3Name', 'option3Value'],
] as const satisfies readonly (readonly [ColumnKey, ColumnKey])[];

export interface Validation {
  products: PlannedProduct[];
  errors: RowError[];
}

/**
 * Checks every row without touching the database and groups them into products: each message names the row
 * and the column, and every problem in the file is reported (not only the first).
 */
export function validateRows(rows: readonly SheetRow[], currency: string): Validation {
  const digits = currencyDigits(currency);
  const errors: RowError[] = [];
  const fail = (row: SheetRow, column: ColumnKey | null, message: string) =>
    errors.push({ row: row.rowNumber, column: column ? headerOf(column) : null, message });
  const products = new Map<string, PlannedProduct>();
  const skus = new Map<string, number>();

  for (const row of rows) {
    const handle = row.handle?.toLowerCase();
    if (!handle) {
      fail(row, 'handle', 'Give every row the handle (address) of its product.');
      continue;
    }
    if (!ITEM_SLUG.test(handle) || handle.length > 80) {
      fail(row, 'handle', `"${row.handle}" is not a valid handle: use lowercase letters, digits and single hyphens (at most 80).`);
      continue;
    }

    let product = products.get(handle);
    if (!product) {
      product = {
        rowNumber: row.rowNumber,
        handle,
        title: row.title ?? '',
        description: row.description ?? null,
        status: null,
        category: row.category ?? null,
        seoTitle: row.seoTitle ?? null,
        seoDescription: row.seoDescription ?? null,
        variants: [],
      };
      if (row.status) {
        const status = STATUS[row.status.toLowerCase()];
        if (status) product.status = status;
        else fail(row, 'status', `Status "${row.status}" is not known: write draft or active.`);
      }
      if (product.title.length > 200) fail(row, 'title', 'Use at most 200 characters for the title.');
      if ((product.description?.length ?? 0) > 20_000) fail(row, 'description', 'The description is too long (20,000 characters at most).');
      if ((product.seoTitle?.length ?? 0) > 70) fail(row, 'seoTitle', 'Keep the search title under 70 characters.');
      if ((product.seoDescription?.length ?? 0) > 160) fail(row, 'seoDescription', 'Keep the search description under 160 characters.');
      if ((product.category?.length ?? 0) > 80) fail(row, 'category', 'Use at most 80 characters for the category.');
      products.set(handle, product);
    } else {
      // Product columns may be repeated on every row, but they must agree.
      for (const key of ['title', 'description', 'category', 'seoTitle', 'seoDescription'] as const) {
        const value = row[key];
        if (value !== undefined && product[key] && value !== product[key]) {
          fail(row, key, `This ${headerOf(key)} differs from row ${product.rowNumber} of the same product.`);
        }
      }
    }

    const sku = row.sku;
    if (!sku) fail(row, 'sku', 'Give every variant a SKU.');
    else if (!SKU.test(sku)) fail(row, 'sku', `SKU "${sku}" can only use letters, digits, dots, dashes, underscores and slashes (at most 64).`);
    else if (skus.has(sku.toUpperCase())) fail(row, 'sku', `SKU "${sku}" is already used on row ${skus.get(sku.toUpperCase())}.`);
    else skus.set(sku.toUpperCase(), row.rowNumber);

    const priceAmount = row.price === undefined ? null : parsePrice(row.price, digits);
    if (row.price === undefined) fail(row, 'price', 'Give every variant a price.');
    else if (priceAmount === null) fail(row, 'price', `"${row.price}" is not a price: write it like 19.90.`);
    const compareAtAmount = row.compareAtPrice === undefined ? null : parsePrice(row.compareAtPrice, digits);
    if (row.compareAtPrice !== undefined && compareAtAmount === null) fail(row, 'compareAtPrice', `"${row.compareAtPrice}" is not a price: write it like 29.90.`);

    let stock = 0;
    if (row.stock !== undefined) {
      stock = Number(row.stock);
      if (!Number.isInteger(stock) || stock < 0 || stock > 10_000_000) {
        fail(row, 'stock', `Stock "${row.stock}" must be a whole number from 0 to 10,000,000.`);
        stock = 0;
      }
    }

    const attributes: Record<string, string> = {};
    for (const [nameKey, valueKey] of OPTION_COLUMNS) {
      const name = row[nameKey];
      const value = row[valueKey];
      if (!name && !value) continue;
      if (!name) fail(row, nameKey, `Name the option whose value is "${value}" (e.g. Size).`);
      else if (!value) fail(row, valueKey, `Give the value of option "${name}" (e.g. M).`);
      else if (name.length > 40 || value.length > 80) fail(row, valueKey, 'Option names have at most 40 characters and values at most 80.');
      else attributes[name] = value;
    }

    if (product.variants.length >= MAX_VARIANTS) fail(row, 'sku', `A product can have at most ${MAX_VARIANTS} variants.`);
    else if (sku && priceAmount !== null) {
      const same = product.variants.find((v) => JSON.stringify(v.attributes) === JSON.stringify(attributes) && Object.keys(attributes).length > 0);
      if (same) fail(row, 'option1Value', `These options repeat row ${same.rowNumber} of the same product.`);
      product.variants.push({ rowNumber: row.rowNumber, sku, title: Object.values(attributes).join(' / '), attributes, priceAmount, compareAtAmount, stock });
    }
  }
  return { products: [...products.values()], errors };
}
