import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { mapHeader, toSheetRow, type SheetRow } from './columns.ts';

export type SheetFormat = 'csv' | 'xlsx';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

export class SheetError extends Error {
  override readonly name = 'SheetError';
}

export interface Sheet {
  rows: SheetRow[];
}

/** The format from the file name (.csv, .xlsx), refused with a sentence otherwise. */
export function formatOf(fileName: string): SheetFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  throw new SheetError('Upload a .csv or .xlsx file (Excel workbook).');
}

function fromLines(lines: string[][]): Sheet {
  const [header, ...body] = lines;
  if (!header) throw new SheetError('The file is empty: it needs a header row and at least one product row.');
  const map = mapHeader(header);
  if (map.errors.length > 0) throw new SheetError(map.errors.join(' '));
  // Spreadsheet row numbers: the header is row 1.
  const rows = body.map((cells, index) => toSheetRow(cells, map, index + 2)).filter((row) => Object.keys(row).length > 1);
  if (rows.length === 0) throw new SheetError('The file has a header but no product rows.');
  if (rows.length > MAX_IMPORT_ROWS) throw new SheetError(`A file can hold at most ${MAX_IMPORT_ROWS.toLocaleString('en')} rows; split it into several files.`);
  return { rows };
}

function readCsv(bytes: Buffer): Sheet {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  // Excel in Brazil writes ';' between columns; take whichever separator the header uses.
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let lines: string[][];
  try {
    lines = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  } catch (error) {
    throw new SheetError(`The CSV file cannot be read: ${(error as Error).message}`, { cause: error });
  }
  return fromLines(lines);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new SheetError('The Excel file cannot be read: save it as an .xlsx workbook and try again.', { cause: error });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SheetError('The workbook has no sheet.');
  const lines: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based
    lines[rowNumber - 1] = values.slice(1).map(cellText);
  });
  for (let i = 0; i < lines.length; i++) lines[i] ??= [];
  return fromLines(lines);
}

export async function readSheet(bytes: Buffer, format: SheetFormat): Promise<Sheet> {
  if (bytes.length === 0) throw new SheetError('The file is empty.');
  if (bytes.length > MAX_IMPORT_BYTES) throw new SheetError('The file is larger than 10 MB; split it into several files.');
  return format === 'csv' ? readCsv(bytes) : readXlsx(bytes);
}
