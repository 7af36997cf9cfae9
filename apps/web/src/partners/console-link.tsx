import Link from 'next/link';
import { partnerMessages } from '../i18n/messages/partners.ts';
import { messagesFor } from '../i18n/request-locale.ts';
import { serverCaller } from '../server/caller.ts';

/** A link to the partner console, for the people who work for a partner (nothing for everyone else). */
export async function PartnerConsoleLink() {
  const partner = await (await serverCaller()).partner.me().catch(() => null);
  if (!partner) return null;
  const t = await messagesFor(partnerMessages);
  return <Link href="/partner">{t.consoleLabel}</Link>;
}
