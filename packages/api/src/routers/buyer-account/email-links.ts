import type { BuyerAccount, BuyerTokenKind, ScopedTransaction } from '@vitrine/db';
import { enqueueInTransaction } from '@vitrine/queue';
import { badRequest } from '../../errors.ts';
import { renderOrderEmail } from '../../commerce/notifications/email.ts';
import { noticeLanguageOf, type NoticeLanguage } from '../../commerce/notifications/messages.ts';
import { storeOrigin } from '../../commerce/notifications/notify.ts';
import { newBuyerToken } from '../../commerce/tokens.ts';
import { normalizeHost } from '../../tenancy/normalize-host.ts';
import type { StorefrontContext } from '../../trpc.ts';
import { buyerEmailText, type BuyerEmailKind } from './email-messages.ts';
import type { BuyerLanguage } from './inputs.ts';
import { tokenHash } from './session.ts';

/** How long each one-time link works. */
export const LINK_HOURS: Record<BuyerTokenKind, number> = { VERIFY_EMAIL: 48, RESET_PASSWORD: 1 };

const LINK: Record<BuyerTokenKind, { path: string; kind: BuyerEmailKind }> = {
  VERIFY_EMAIL: { path: '/account/verify', kind: 'verify' },
  RESET_PASSWORD: { path: '/account/reset', kind: 'reset' },
};

/** The buyer's language, or the store's own when the page did not say. */
export const emailLanguageOf = (ctx: StorefrontContext, language?: BuyerLanguage): NoticeLanguage => language ?? noticeLanguageOf(ctx.tenant.locale);

/**
 * Makes a one-time link of `kind` for the account (earlier unused ones of the same kind stop working) and writes
 * its email to the outbox in the caller's transaction: in the buyer's language, with the store's name and colours,
 * pointing at the host the buyer is on.
 */
export async function sendEmailLink(
  ctx: StorefrontContext,
  tx: ScopedTransaction,
  account: Pick<BuyerAccount, 'id' | 'email' | 'name'>,
  kind: BuyerTokenKind,
  language: NoticeLanguage,
): Promise<void> {
  const tenantId = ctx.tenant.id;
  const now = new Date();
  await tx.buyerToken.updateMany({ where: { accountId: account.id, kind, usedAt: null }, data: { usedAt: now } });
  const token = newBuyerToken();
  const hours = LINK_HOURS[kind];
  await tx.buyerToken.create({
    data: { tenantId, accountId: account.id, kind, tokenHash: tokenHash(token), expiresAt: new Date(now.getTime() + hours * 60 * 60 * 1000) },
  });
  const origin = storeOrigin(normalizeHost(ctx.host) ?? ctx.host, ctx.appUrl ?? undefined);
  const url = `${origin}${LINK[kind].path}?token=${encodeURIComponent(token)}`;
  const text = buyerEmailText(LINK[kind].kind, language, { storeName: ctx.tenant.name, buyerName: account.name, hours });
  const email = renderOrderEmail(text, url, { storeName: ctx.tenant.name, primaryColor: ctx.tenant.branding.primaryColor, logoUrl: ctx.tenant.branding.logoUrl });
  await enqueueInTransaction(tx, {
    queue: 'email',
    name: 'email.send',
    payload: { to: account.email, subject: email.subject, text: email.text, html: email.html, kind: `buyer.${LINK[kind].kind}`, tenantId },
    tenantId,
  });
}

const LINK_REFUSAL: Record<BuyerTokenKind, string> = {
  VERIFY_EMAIL: 'This confirmation link has expired or was already used. Sign in and ask for a new one.',
  RESET_PASSWORD: 'This password link has expired or was already used. Ask for a new one.',
};

/**
 * Uses a one-time link: it must be of `kind`, of this store, unexpired and unused. Marking it used is a conditional
 * update, so two requests with the same link cannot both succeed. Returns the account it belongs to.
 */
export async function consumeEmailLink(tx: ScopedTransaction, kind: BuyerTokenKind, token: string): Promise<string> {
  const now = new Date();
  const row = await tx.buyerToken.findFirst({ where: { tokenHash: tokenHash(token), kind }, select: { id: true, accountId: true } });
  if (!row) throw badRequest(LINK_REFUSAL[kind]);
  const used = await tx.buyerToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (used.count !== 1) throw badRequest(LINK_REFUSAL[kind]);
  return row.accountId;
}
