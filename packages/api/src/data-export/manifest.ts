import { z } from 'zod';

export const EXPORT_FORMAT = 'vitrine-tenant-export';
export const EXPORT_FORMAT_VERSION = 1;

/** manifest.json of an export archive; the import checks it before reading anything else. */
export const exportManifestSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  tenantId: z.string().min(1),
  tenantSlug: z.string().min(1),
  createdAt: z.string().min(1),
  /** The last migration the exporting database had applied. */
  schemaVersion: z.string().min(1),
  /** Rows per file (`<name>.json`): tenant tables and the platform files tenant, domains and users. */
  rowCounts: z.record(z.string(), z.number().int().min(0)),
  tenantTables: z.array(z.string()),
  /** Columns written as null or left out, by table. */
  redacted: z.record(z.string(), z.array(z.string()).readonly()),
});

export type ExportManifest = z.infer<typeof exportManifestSchema>;
