import { randomUUID } from 'node:crypto';

/** What an uploaded image is for; each has its own folder under the store's. */
export const UPLOAD_PURPOSES = ['product', 'logo'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A fresh key for one uploaded image of a store: `tenants/<tenantId>/<purpose>/<uuid>` (never reused). */
export function newUploadKey(tenantId: string, purpose: UploadPurpose): string {
  if (!ID.test(tenantId)) throw new Error(`not a tenant id: ${tenantId}`);
  return `tenants/${tenantId}/${purpose}/${randomUUID()}`;
}

/** True when `key` is an upload key of this store for this purpose (so one store can never claim another's file). */
export function isUploadKeyOf(key: string, tenantId: string, purpose: UploadPurpose): boolean {
  const parts = key.split('/');
  return parts.length === 4 && parts[0] === 'tenants' && parts[1] === tenantId && parts[2] === purpose && UUID.test(parts[3]!);
}
