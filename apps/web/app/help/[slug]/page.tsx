import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { PageHeader } from '@vitrine/ui';
import { helpMessages } from '../../../src/i18n/messages/help.ts';
import { isLocale } from '../../../src/i18n/locale.ts';
import { requestLocale } from '../../../src/i18n/request-locale.ts';
import { formatDateTime } from '../../../src/mercadolivre/format.ts';
import { serverCaller } from '../../../src/server/caller.ts';
import { Paragraphs } from '../paragraphs.tsx';

async function article(slug: string) {
  try {
    return await (await serverCaller()).help.get({ slug });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const found = await article((await params).slug);
  return { title: `${found.title} · Vitrine help` };
}

/** One published article (in its own language, whatever the visitor's); a draft is "not found". */
export default async function HelpArticlePage({ params }: { params: Promise<{ slug: string }> }) {
  const found = await article((await params).slug);
  const locale = await requestLocale();
  const t = helpMessages[locale];
  const articleLocale = isLocale(found.locale) ? found.locale : locale;
  return (
    <main className="v-page">
      <PageHeader title={found.title} description={found.category} actions={<Link href="/help">{t.back}</Link>} />
      <article lang={found.locale} data-testid="help-article">
        <Paragraphs text={found.body} />
      </article>
      <p style={{ fontSize: '0.85rem' }}>
        {t.updated} {formatDateTime(found.updatedAt, articleLocale)}
      </p>
      <p>{t.contact}</p>
    </main>
  );
}
