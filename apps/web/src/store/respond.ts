import { TRPCError } from '@trpc/server';
import { tenantAccessOf } from '@vitrine/api';
import { serverCaller } from '../server/caller.ts';
import { storeMessagePage, type StoreLook } from './pages.ts';

export const htmlResponse = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });

const TITLES: Record<string, string> = {
  TENANT_NOT_FOUND: 'Store not found',
  STORE_UNPUBLISHED: 'Coming soon',
  TENANT_SUSPENDED: 'Store unavailable',
  TENANT_CANCELLED: 'Store closed',
  TENANT_UNPAID: 'Store unavailable',
};

/** The store caller for the host the proxy resolved (from the internal /store/{host} path). */
export const storeCaller = (host: string) => serverCaller({ host, activeTenantId: null });

/** Store-access answers keep their HTTP status (402/403/404/410); other known errors become readable pages. */
export function errorResponse(error: unknown, look?: StoreLook): Response {
  const access = tenantAccessOf(error);
  if (access) {
    const message =
      access.reason === 'STORE_UNPUBLISHED' ? 'This store is getting ready and will open soon. Please come back later.' : access.message;
    return htmlResponse(storeMessagePage(TITLES[access.reason] ?? 'Store unavailable', message), access.httpStatus);
  }
  if (error instanceof TRPCError && error.code === 'NOT_FOUND') {
    return htmlResponse(storeMessagePage('Not found', error.message, look), 404);
  }
  if (error instanceof TRPCError && error.code === 'BAD_REQUEST') {
    return htmlResponse(storeMessagePage('Not found', 'This address does not lead to a page of this store.', look), 404);
  }
  console.error('store page failed', error);
  return htmlResponse(storeMessagePage('Something went wrong', 'Something went wrong on our side. Please try again in a moment.', look), 500);
}
