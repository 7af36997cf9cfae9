import { TRPCError } from '@trpc/server';
import type { BillingStatus } from '@vitrine/db';
import type { Permission } from '../permissions.ts';

export const RESTRICTED_MESSAGE =
  "This store's subscription is unpaid, so its admin is read-only. The owner can pay the open invoice on the Plan and billing page (Manage payment) to make changes again.";

/**
 * A RESTRICTED store (grace period over, renewal unpaid) may read everything but write nothing: every tenant
 * mutation answers 402 (PAYMENT_REQUIRED) with a sentence saying why and how to pay, except the billing
 * procedures themselves ('billing:manage'), so the owner can pay or change the plan.
 */
export function refuseRestrictedWrite(tenant: { billingStatus: BillingStatus }, permission: Permission, type: string): void {
  if (type !== 'mutation' || tenant.billingStatus !== 'RESTRICTED' || permission === 'billing:manage') return;
  throw new TRPCError({ code: 'PAYMENT_REQUIRED', message: RESTRICTED_MESSAGE });
}
