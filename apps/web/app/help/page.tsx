import Link from 'next/link';
import { EmptyState, PageHeader } from '@vitrine/ui';
import { LanguageSwitcher } from '../../src/i18n/language-switcher.tsx';
import { helpMessages } from '../../src/i18n/messages/help.ts';
import { requestLocale } from '../../src/i18n/request-locale.ts';
import { serverCaller } from '../../src/server/caller.ts';

export const metadata = { title: 'Help center · Vitrine' };

/** The public help center on the platform host: published articles in the visitor's language, by category. */
export default async function HelpCenterPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const locale = await requestLocale();
  const t = helpMessages[locale];
  const search = (await searchParams).q?.trim().slice(0, 100) || undefined;
  const { articles } = await (await serverCaller()).help.list({ locale, search });
  const categories = [...new Set(articles.map((a) => a.category))];
  return (
    <main className="v-page" lang={locale}>
      <PageHeader title={t.title} description={t.description} actions={<LanguageSwitcher />} />
      <form method="get" role="search" className="v-row">
        <div className="v-field">
          <label htmlFor="help-search">{t.search}</label>
          <input id="help-search" name="q" type="search" defaultValue={search} placeholder={t.searchPlaceholder} />
        </div>
        <button type="submit" className="v-button">
          {t.searchButton}
        </button>
      </form>
      {search ? <h2>{t.results}</h2> : null}
      {articles.length === 0 ? (
        <EmptyState title={search ? t.noResults : t.noArticles} />
      ) : (
        categories.map((category) => (
          <section key={category} aria-labelledby={`cat-${category}`}>
            <h2 id={`cat-${category}`}>{category}</h2>
            <ul data-testid="help-articles">
              {articles
                .filter((a) => a.category === category)
                .map((a) => (
                  <li key={a.slug}>
                    <Link href={`/help/${a.slug}`}>{a.title}</Link>
                    <p style={{ margin: '4px 0 12px' }}>{a.excerpt}</p>
                  </li>
                ))}
            </ul>
          </section>
        ))
      )}
      <p>{t.contact}</p>
    </main>
  );
}
