import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exportTenant } from '@vitrine/api/data-export';
import { parse, required } from '../args.ts';
import { tenantBySlug, type Services } from '../services.ts';

export const help = `vitrine-admin tenants:export <slug> --out <file.zip>

Writes everything the store owns to a zip archive: <table>.json and <table>.csv for every store table, the
store's platform rows (tenant, domains, the members' names and emails) and manifest.json (row counts, schema
version). Passwords, keys and tokens are never included. The same archive the admin's "Your data" page gives.`;

export async function tenantsExport(args: string[], services: Services): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' } }, { min: 1, max: 1, names: 'the store address (slug)' });
  const out = resolve(required(values, 'out'));
  const tenant = await tenantBySlug(services.db, positionals[0]!);
  let last = 0;
  try {
    const manifest = await exportTenant(services.db, tenant.id, createWriteStream(out, { flags: 'wx' }), {
      onProgress: ({ done, total }) => {
        if (process.stderr.isTTY && Date.now() - last > 500) {
          last = Date.now();
          process.stderr.write(`\r${done} of ${total} rows`);
        }
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\r');
    const rows = manifest.tenantTables.reduce((sum, t) => sum + (manifest.rowCounts[t] ?? 0), 0);
    console.log(`Exported ${tenant.slug} (${tenant.id}): ${rows} rows in ${manifest.tenantTables.length} tables, schema ${manifest.schemaVersion}`);
    console.log(`Archive: ${out}`);
    return 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(out, { force: true });
    throw error;
  }
}
