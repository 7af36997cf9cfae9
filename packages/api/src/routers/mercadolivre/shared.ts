import { TRPCError } from '@trpc/server';
import type { MlServices } from '@vitrine/mercadolivre';
import { notFound } from '../../errors.ts';
import { encodeCursor } from '../../lib/keyset.ts';
import type { TenantContext } from '../../trpc.ts';

/** Sentences and small helpers shared by the mercadolivre procedures. */

export const ML_NOT_CONFIGURED = 'Mercado Livre is not configured on this server.';
export const ACCOUNT_NOT_FOUND = 'We could not find this Mercado Livre account in your store.';
export const ORDER_NOT_FOUND = 'We could not find this Mercado Livre order in your store.';
export const QUESTION_NOT_FOUND = 'We could not find this question in your store.';
export const NOTIFICATION_NOT_FOUND = 'We could not find this notification in your store.';
export const ANOTHER_STORE = 'This Mercado Livre account is already connected to another store.';

/** The process's ML services, or a clear refusal when this server has no ML application configured. */
export function requireMl(ctx: Pick<TenantContext, 'mercadolivre'>): MlServices {
  if (!ctx.mercadolivre) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: ML_NOT_CONFIGURED });
  return ctx.mercadolivre;
}

/** BigInt columns travel as decimal strings (JSON has no 64-bit integers). */
export const idText = (value: bigint): string => value.toString();
export const idTextOrNull = (value: bigint | null | undefined): string | null => (value === null || value === undefined ? null : value.toString());

/** The account, or NOT_FOUND (also for another store's id: RLS hides it). */
export async function findAccount(ctx: Pick<TenantContext, 'tdb'>, accountId: string) {
  const account = await ctx.tdb.mlAccount.findFirst({ where: { id: accountId } });
  if (!account) throw notFound(ACCOUNT_NOT_FOUND);
  return account;
}

/** One page from `limit + 1` rows already ordered by (at desc, id desc). */
export function pageBy<T extends { id: string }>(rows: T[], limit: number, at: (row: T) => Date) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: at(last), id: last.id }) : null };
}

/** A digits-only search term as an ML numeric id (order or question number), else null. */
export function numericId(q: string | undefined): bigint | null {
  if (!q || !/^\d{1,19}$/.test(q)) return null;
  const value = BigInt(q);
  return value <= 9_223_372_036_854_775_807n ? value : null;
}

