/**
 * The product sheet: one row per variant; rows with the same `handle` are one product. The same columns are
 * written by the export and read by the import, so an exported file imports back unchanged. Headers are
 * matched ignoring case, spaces and accents, in English or Portuguese.
 */
export const COLUMNS = [
  { key: 'handle', header: 'handle', aliases: ['slug', 'endereco', 'identificador'], required: true },
  { key: 'title', header: 'title', aliases: ['titulo', 'nome'] },
  { key: 'description', header: 'description', aliases: ['descricao'] },
  { key: 'status', header: 'status', aliases: ['situacao'] },
  { key: 'category', header: 'category', aliases: ['categoria'] },
  { key: 'seoTitle', header: 'seo_title', aliases: ['titulo_seo'] },
  { key: 'seoDescription', header: 'seo_description', aliases: ['descricao_seo'] },
  { key: 'option1Name', header: 'option1_name', aliases: ['opcao1_nome'] },
  { key: 'option1Value', header: 'option1_value', aliases: ['opcao1_valor'] },
  { key: 'option2Name', header: 'option2_name', aliases: ['opcao2_nome'] },
  { key: 'option2Value', header: 'option2_value', aliases: ['opcao2_valor'] },
  { key: 'option3Name', header: 'option3_name', aliases: ['opcao3_nome'] },
  { key: 'option3Value', header: 'option3_value', aliases: ['opcao3_valor'] },
  { key: 'sku', header: 'sku', aliases: ['codigo'], required: true },
  { key: 'price', header: 'price', aliases: ['preco'], required: true },
  { key: 'compareAtPrice', header: 'compare_at_price', aliases: ['preco_de', 'preco_anterior'] },
  { key: 'stock', header: 'stock', aliases: ['estoque'] },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];
export type SheetRow = Partial<Record<ColumnKey, string>> & { rowNumber: number };

const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[\s-]+/g, '_');

const BY_NAME = new Map<string, ColumnKey>(COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((name) => [fold(name), c.key] as const)));

export interface HeaderMap {
  /** Column index → key, for the columns we know. */
  indexes: Map<number, ColumnKey>;
  /** Problems with the header row itself (the whole file is refused). */
  errors: string[];
}

export function mapHeader(header: readonly string[]): HeaderMap {
  const indexes = new Map<number, ColumnKey>();
  const errors: string[] = [];
  const seen = new Map<ColumnKey, number>();
  header.forEach((name, index) => {
    const key = BY_NAME.get(fold(name));
    if (!key) return; // Unknown columns are ignored (a spreadsheet may carry notes).
    if (seen.has(key)) {
      errors.push(`The column "${name}" appears twice (columns ${seen.get(key)! + 1} and ${index + 1}).`);
      return;
    }
    seen.set(key, index);
    indexes.set(index, key);
  });
  for (const column of COLUMNS) {
    if ('required' in column && column.required && !seen.has(column.key)) errors.push(`The column "${column.header}" is missing.`);
  }
  return { indexes, errors };
}

/** The cells of one line as a row keyed by column (empty cells are absent). */
export function toSheetRow(cells: readonly string[], header: HeaderMap, rowNumber: number): SheetRow {
  const row: SheetRow = { rowNumber };
  for (const [index, key] of header.indexes) {
    const value = (cells[index] ?? '').trim();
    if (value !== '') row[key] = value;
  }
  return row;
}

export const headerOf = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!.header;
