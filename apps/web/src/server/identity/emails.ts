import type { Prisma } from '@vitrine/db';
import { renderEmail, type EmailContent } from '@vitrine/mail/layout';
import { enqueueInTransaction } from '@vitrine/queue';
import type { Locale } from '../../i18n/locale.ts';
import { authEmailMessages } from '../../i18n/messages/auth-emails.ts';
import { issueToken, revokeTokens, TOKEN_TTL_MS, type TokenPurpose } from './one-time-tokens.ts';

type EmailText = (typeof authEmailMessages)['en'];

/** The emails with a one-time link; each is written to the outbox in the transaction that writes its token. */
const CONTENT: Record<TokenPurpose, { path: string; kind: string; content: (t: EmailText, url: string, brand: string) => EmailContent }> = {
  'verify-email': {
    path: '/verify-email',
    kind: 'auth.verify-email',
    content: (t, url, brand) => ({ title: t.verifyTitle, intro: [t.verifyIntro(brand)], action: { label: t.verifyAction, url }, outro: [t.verifyOutro(brand)] }),
  },
  'password-reset': {
    path: '/reset-password',
    kind: 'auth.password-reset',
    content: (t, url, brand) => ({ title: t.resetTitle(brand), intro: [t.resetIntro(brand)], action: { label: t.resetAction, url }, outro: [t.resetOutro, t.resetIgnore] }),
  },
  'magic-link': {
    path: '/login/link',
    kind: 'auth.magic-link',
    content: (t, url, brand) => ({ title: t.magicLinkTitle(brand), intro: [t.magicLinkIntro(brand)], action: { label: t.magicLinkAction(brand), url }, outro: [t.magicLinkOutro] }),
  },
};

/** Where an email's links go and whose name it carries: the web app as Vitrine, or a partner's admin domain under its product name. */
export interface EmailOrigin {
  appUrl: string;
  /** The partner's product name; undefined for Vitrine. */
  brand?: string;
}

export const tokenLifetimeMinutes = (purpose: TokenPurpose) => TOKEN_TTL_MS[purpose] / 60_000;

/**
 * In the caller's transaction: replaces the user's earlier links of this purpose with a new token and writes the
 * email to the outbox, so the email goes out once the transaction commits (and not at all if it rolls back).
 * `locale` is the person's language as far as we know it: the language of the request that asked for the email.
 */
export async function sendLinkEmail(
  tx: Prisma.TransactionClient,
  purpose: TokenPurpose,
  user: { id: string; email: string },
  origin: EmailOrigin,
  locale: Locale,
): Promise<void> {
  await revokeTokens(tx, purpose, user.id);
  const token = await issueToken(tx, purpose, user.id);
  const spec = CONTENT[purpose];
  const url = `${origin.appUrl.replace(/\/$/, '')}${spec.path}?token=${encodeURIComponent(token)}`;
  const email = renderEmail(spec.content(authEmailMessages[locale], url, origin.brand ?? 'Vitrine'), locale, origin.brand);
  await enqueueInTransaction(tx, { queue: 'email', name: 'email.send', payload: { to: user.email, ...email, kind: spec.kind } });
}
