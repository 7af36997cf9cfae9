import { z } from 'zod';
import type { ScopedTransaction } from '@vitrine/db';
import { renderEmail, type EmailLocale } from '@vitrine/mail/layout';
import { enqueueInTransaction } from '@vitrine/queue';
import type { Context } from '../../context.ts';
import { storeEmailBrand } from '../../partners/emails.ts';
import type { Ticket } from './thread.ts';

/**
 * Support emails, written to the outbox in the transaction of the message they announce (sent once it
 * commits, never if it rolls back):
 * - a staff reply goes to the person who opened the ticket, in the store's language;
 * - a message from the store (a new ticket or a reply) goes to the staff member the ticket is assigned to,
 *   else to the platform's support address (SUPPORT_EMAIL); with neither, no email is sent.
 */

const TEXT = {
  en: {
    staffReplySubject: (n: number, subject: string) => `Re: [Support #${n}] ${subject}`,
    staffReplyTitle: (n: number, brand: string) => `${brand} support answered ticket #${n}`,
    staffReplyIntro: (store: string) => `There is a new answer to your support ticket for ${store}:`,
    open: 'Open the ticket',
    outro: 'Answer on the ticket page; replies to this email are not read.',
  },
  'pt-BR': {
    staffReplySubject: (n: number, subject: string) => `Re: [Suporte #${n}] ${subject}`,
    staffReplyTitle: (n: number, brand: string) => `O suporte da ${brand} respondeu o chamado #${n}`,
    staffReplyIntro: (store: string) => `Há uma nova resposta no seu chamado de suporte da loja ${store}:`,
    open: 'Abrir o chamado',
    outro: 'Responda na página do chamado; respostas a este e-mail não são lidas.',
  },
} satisfies Record<EmailLocale, Record<string, unknown>>;

/** The language of the store's emails: its storefront language when it is Portuguese, else English. */
export const emailLocaleOf = (tenantLocale: string): EmailLocale => (tenantLocale.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en');

/** The platform's support inbox, from SUPPORT_EMAIL; absent or not an email address: none. */
export function supportAddress(env: Record<string, string | undefined> = process.env): string | null {
  const parsed = z.email().safeParse(env.SUPPORT_EMAIL?.trim());
  return parsed.success ? parsed.data : null;
}

const ticketUrl = (ctx: Pick<Context, 'appUrl'>, path: string) => `${(ctx.appUrl ?? '').replace(/\/$/, '')}${path}`;
const quote = (body: string) => body.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);

/** Staff answered: tells the person who opened the ticket. */
export async function emailStaffReply(
  ctx: Pick<Context, 'db' | 'appUrl'>,
  tx: ScopedTransaction,
  store: { id: string; name: string; locale: string },
  ticket: Ticket,
  body: string,
): Promise<void> {
  const creator = await ctx.db.platform.user.findUnique({ where: { id: ticket.createdByUserId }, select: { email: true } });
  if (!creator) return;
  const locale = emailLocaleOf(store.locale);
  const t = TEXT[locale];
  const brand = await storeEmailBrand(ctx.db.platform, store.id, ctx.appUrl);
  const email = renderEmail(
    {
      title: t.staffReplyTitle(ticket.number, brand.name ?? 'Vitrine'),
      intro: [t.staffReplyIntro(store.name), ...quote(body)],
      action: { label: t.open, url: ticketUrl(brand, `/admin/support/${ticket.id}`) },
      outro: [t.outro],
    },
    locale,
    brand.name,
  );
  await enqueueInTransaction(tx, {
    queue: 'email',
    name: 'email.send',
    payload: { to: creator.email, ...email, subject: t.staffReplySubject(ticket.number, ticket.subject).slice(0, 200), kind: 'support.staff-reply', tenantId: store.id },
    tenantId: store.id,
  });
}

/** The store wrote (a new ticket or a reply): tells the assigned staff member, else the support inbox. */
export async function emailStoreMessage(
  ctx: Pick<Context, 'db' | 'appUrl'>,
  tx: ScopedTransaction,
  store: { id: string; name: string },
  ticket: Ticket,
  body: string,
  event: 'opened' | 'replied',
): Promise<void> {
  const assignee = ticket.assignedStaffUserId
    ? await ctx.db.platform.user.findUnique({ where: { id: ticket.assignedStaffUserId }, select: { email: true, platformRole: true } })
    : null;
  const to = assignee?.platformRole === 'SUPER_ADMIN' ? assignee.email : supportAddress();
  if (!to) return;
  const title = event === 'opened' ? `${store.name} opened ticket #${ticket.number}` : `${store.name} replied on ticket #${ticket.number}`;
  const email = renderEmail(
    {
      title,
      intro: [`Subject: ${ticket.subject}`, ...quote(body)],
      action: { label: 'Open the ticket', url: ticketUrl(ctx, `/platform/support/${ticket.id}`) },
    },
    'en',
  );
  await enqueueInTransaction(tx, {
    queue: 'email',
    name: 'email.send',
    payload: {
      to,
      ...email,
      subject: `[Support #${ticket.number}] ${store.name}: ${ticket.subject}`.slice(0, 200),
      kind: event === 'opened' ? 'support.ticket-opened' : 'support.store-reply',
      tenantId: store.id,
    },
    tenantId: store.id,
  });
}
