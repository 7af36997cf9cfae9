import { z } from 'zod';
import { idSchema } from '../../lib/schemas.ts';
import { exportPage } from '../../product-io/export.ts';
import { commitImport, getImport, listImports, previewImport } from '../../product-io/imports.ts';
import { MAX_IMPORT_BYTES } from '../../product-io/read-file.ts';
import { router, tenantProcedure } from '../../trpc.ts';

const write = tenantProcedure('catalog:write');
const read = tenantProcedure('catalog:read');

const previewInput = z.object({
  fileName: z.string().trim().min(1, 'The file needs a name').max(200, 'Use a shorter file name'),
  // base64 of at most 10 MB
  contentBase64: z.string().min(1, 'The file is empty').max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, 'The file is larger than 10 MB; split it into several files'),
});

/** Importing and exporting the catalog as CSV or Excel (see src/product-io). */
export const productIoRouter = router({
  preview: write.input(previewInput).mutation(({ ctx, input }) => previewImport(ctx, input)),
  commit: write.input(z.object({ id: idSchema })).mutation(({ ctx, input }) => commitImport(ctx, input)),
  get: read.input(z.object({ id: idSchema })).query(({ ctx, input }) => getImport(ctx, input)),
  list: read.query(({ ctx }) => listImports(ctx)),
  exportPage: read
    .input(z.object({ after: idSchema.optional(), limit: z.number().int().min(1).max(1000).default(500) }))
    .query(({ ctx, input }) => exportPage(ctx, input)),
});
