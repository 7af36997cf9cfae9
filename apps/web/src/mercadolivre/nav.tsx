import Link from 'next/link';

const SECTIONS = [
  ['accounts', '/admin/mercadolivre', 'Accounts'],
  ['orders', '/admin/mercadolivre/orders', 'Orders'],
  ['questions', '/admin/mercadolivre/questions', 'Questions'],
  ['queue', '/admin/mercadolivre/questions/queue', 'Unanswered queue'],
  ['dead-letters', '/admin/mercadolivre/dead-letters', 'Failed notifications'],
] as const;

export type MlSection = (typeof SECTIONS)[number][0];

/** The Mercado Livre area's own tabs, the current one marked for screen readers. */
export function MlNav({ current }: { current: MlSection }) {
  return (
    <nav aria-label="Mercado Livre" className="v-row" style={{ marginBottom: 16, alignItems: 'center' }}>
      {SECTIONS.map(([key, href, label]) => (
        <Link key={key} href={href} aria-current={key === current ? 'page' : undefined} style={key === current ? { fontWeight: 700 } : undefined}>
          {label}
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
