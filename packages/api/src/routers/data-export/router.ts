import { z } from 'zod';
import { getDataExport, listDataExports, requestDataExport } from '../../data-export/requests.ts';
import { idSchema } from '../../lib/schemas.ts';
import { router, tenantProcedure } from '../../trpc.ts';

/** OWNER and ADMIN only (the `data:export` permission): the archive holds everything the store owns. */
const exporter = tenantProcedure('data:export');

/** "Data rights" exports of the active store (see src/data-export): ask for one, follow it, download it. */
export const dataExportRouter = router({
  request: exporter.input(z.object({}).optional()).mutation(({ ctx }) => requestDataExport(ctx)),
  list: exporter.query(({ ctx }) => listDataExports(ctx)),
  get: exporter.input(z.object({ id: idSchema })).query(({ ctx, input }) => getDataExport(ctx, input)),
});
