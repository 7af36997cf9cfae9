import Link from 'next/link';
import { mercadolivreMessages } from '../i18n/messages/mercadolivre.ts';
import { messagesFor } from '../i18n/request-locale.ts';

const SECTIONS = [
  ['accounts', '/admin/mercadolivre', 'navAccounts'],
  ['orders', '/admin/mercadolivre/orders', 'navOrders'],
  ['questions', '/admin/mercadolivre/questions', 'navQuestions'],
  ['queue', '/admin/mercadolivre/questions/queue', 'navQueue'],
  ['dead-letters', '/admin/mercadolivre/dead-letters', 'navDeadLetters'],
] as const;

export type MlSection = (typeof SECTIONS)[number][0];

/** The Mercado Livre area's own tabs, the current one marked for screen readers. */
export async function MlNav({ current }: { current: MlSection }) {
  const t = await messagesFor(mercadolivreMessages);
  return (
    <nav aria-label={t.navLabel} className="v-row" style={{ marginBottom: 16, alignItems: 'center' }}>
      {SECTIONS.map(([key, href, label]) => (
        <Link key={key} href={href} aria-current={key === current ? 'page' : undefined} style={key === current ? { fontWeight: 700 } : undefined}>
          {t[label]}
        </Link>
      ))}
    </nav>
  );
}

/** Shown when a page cannot load its data: the router's sentence, not a stack trace. */
export function LoadError({ message }: { message: string }) {
  return (
    <p className="v-alert" role="alert">
      {message}
    </p>
  );
}
