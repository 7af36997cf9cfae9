/** Product sheets (CSV / Excel): reading, checking, committing and exporting. The worker commits imports. */
export { runImport } from './imports.ts';
export { readSheet, formatOf, SheetError, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type SheetFormat } from './read-file.ts';
export { validateRows, parsePrice, type RowError, type PlannedProduct } from './validate.ts';
export { csvOf, xlsxOf, EXPORT_HEADER } from './export.ts';
