/**
 * "Data rights" exports and the operators' restore: every row a store owns as a zip archive (JSON + CSV per
 * table, manifest.json), built by the worker for the admin page and by the admin CLI, and read back by the CLI.
 */
export { exportTenant, type ExportOptions, type ExportProgress } from './export-tenant.ts';
export { importTenant, ImportRefusedError, type ImportOptions, type ImportResult } from './import-tenant.ts';
export { exportManifestSchema, type ExportManifest } from './manifest.ts';
export { REDACTED_COLUMNS, PLATFORM_COLUMNS, WITHHELD_PLATFORM_COLUMNS } from './redaction.ts';
export { runDataExport, deleteExpiredExports, exportStorageKey } from './run-export.ts';
export { downloadDataExport, EXPIRED_SENTENCE, type ExportCaller } from './download.ts';
export { EXPORT_TTL_MS, type DataExportView, type DataExportStatus } from './requests.ts';
export { tenantTables, type TenantTable } from '@vitrine/db';
