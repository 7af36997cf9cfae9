import { z } from 'zod';
import { decryptSecret, encryptSecret, type KeyRing } from '@vitrine/core/crypto';

/**
 * A tenant with a dedicated database keeps its connection strings in `tenants.database_url_enc`,
 * encrypted with AES-256-GCM and bound to the tenant id (associated data), so a value copied onto
 * another tenant's row does not decrypt.
 *   app:   the vitrine_app role on the dedicated database (what requests use; subject to RLS)
 *   owner: the owner role on the dedicated database (what migrations use)
 */
export const dedicatedUrlsSchema = z.object({
  app: z.string().regex(/^postgres(ql)?:\/\//),
  owner: z.string().regex(/^postgres(ql)?:\/\//),
});

export type DedicatedUrls = z.infer<typeof dedicatedUrlsSchema>;

export function sealDedicatedUrls(tenantId: string, urls: DedicatedUrls, ring: KeyRing): string {
  return encryptSecret(JSON.stringify(dedicatedUrlsSchema.parse(urls)), ring, `tenant-db:${tenantId}`);
}

export function openDedicatedUrls(tenantId: string, sealed: string, ring: KeyRing): DedicatedUrls {
  return dedicatedUrlsSchema.parse(JSON.parse(decryptSecret(sealed, ring, `tenant-db:${tenantId}`)));
}
