import type { BillingStatus, TenantStatus } from '@vitrine/db';
import { TenantAccessError } from '../errors.ts';

export interface Branding {
  logoUrl?: string | null;
  primaryColor?: string;
  accentColor?: string;
}

/** What a request needs to know about the store behind a host; cached in process and in Redis. */
export interface TenantSummary {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  billingStatus: BillingStatus;
  locale: string;
  currency: string;
  branding: Branding;
  published: boolean;
  /**
   * The store's rows live in a database of its own, whose changes are not announced on the platform database's
   * `storefront_changed` channel: its pages are not kept in the store-page cache. (Absent in older cache entries.)
   */
  dedicatedDatabase?: boolean;
}

/** Throws the typed answer for a store that exists but may not be shown; returns it otherwise. */
export function assertStoreOpen(tenant: TenantSummary, host?: string): TenantSummary {
  if (tenant.status === 'CANCELLED') throw new TenantAccessError('TENANT_CANCELLED', host);
  if (tenant.status === 'SUSPENDED') throw new TenantAccessError('TENANT_SUSPENDED', host);
  if (tenant.billingStatus === 'UNPAID') throw new TenantAccessError('TENANT_UNPAID', host);
  return tenant;
}

export function brandingOf(value: unknown): Branding {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const v = value as Record<string, unknown>;
  const out: Branding = {};
  if (typeof v.logoUrl === 'string' || v.logoUrl === null) out.logoUrl = v.logoUrl;
  if (typeof v.primaryColor === 'string') out.primaryColor = v.primaryColor;
  if (typeof v.accentColor === 'string') out.accentColor = v.accentColor;
  return out;
}
