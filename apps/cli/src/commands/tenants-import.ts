import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { importTenant } from '@vitrine/api/data-export';
import { parse } from '../args.ts';
import { CommandError } from '../errors.ts';
import { storeUrl, type Services } from '../services.ts';

export const help = `vitrine-admin tenants:import <file.zip> [--slug <new address>]

Restores an export as a store, in one transaction: under the archive's own id when it is free, otherwise under
a new id with every row re-keyed. Members are matched by email (missing ones get an account without a
password: they set one with "forgot password"). The archive must come from a database at the same schema
version. Secrets are not in archives: payment keys and Mercado Livre connections are set up again, and invitation,
cart and order-tracking tokens get new values (old links stop working).`;

export async function tenantsImport(args: string[], services: Services): Promise<number> {
  const { values, positionals } = parse(args, { slug: { type: 'string' } }, { min: 1, max: 1, names: 'the archive (file.zip)' });
  const file = resolve(positionals[0]!);
  await access(file).catch(() => {
    throw new CommandError(`There is no file ${file}.`);
  });
  const result = await importTenant(services.db, file, {
    ...(values.slug ? { slug: values.slug } : {}),
    platformDomain: services.platformDomain,
    requestId: services.runBy,
  });
  // Someone may have visited the address before the store existed there.
  await services.resolver.invalidateTenant(result.tenantId, [result.hostname]);
  const rows = Object.values(result.rowCounts).reduce((sum, n) => sum + n, 0);
  console.log(`Imported as ${result.slug} (${result.tenantId}${result.sameIds ? ', the archive’s own id' : ', new ids'}): ${rows} rows`);
  console.log(`Store URL: ${storeUrl(services.appUrl, result.hostname)}`);
  for (const skip of result.skipped) console.log(`Not restored: ${skip.table}: ${skip.reason}`);
  if (result.createdUsers.length > 0) console.log(`New accounts (no password yet): ${result.createdUsers.join(', ')}`);
  return 0;
}
