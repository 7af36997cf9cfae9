import { redirect } from 'next/navigation';
import { Card, EmptyState, PageHeader } from '@vitrine/ui';
import { adminCaller } from '../../../../src/admin/active-tenant.ts';
import { storeUrl } from '../../../../src/admin/store-url.ts';
import { settingsMessages } from '../../../../src/i18n/messages/settings.ts';
import { messagesFor } from '../../../../src/i18n/request-locale.ts';
import { load } from '../../../../src/mercadolivre/load.ts';
import { currentUser } from '../../../../src/server/auth.ts';
import { DetailsForm, LanguagesForm, PageForm } from '../../../../src/settings/settings-forms.tsx';

export const metadata = { title: 'Settings · Vitrine' };

export default async function SettingsPage() {
  if (!(await currentUser())) redirect('/login?next=/admin/settings');
  const t = await messagesFor(settingsMessages);
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  const [settings, pages] = await Promise.all([load(() => caller.tenant.settings.get()), load(() => caller.pages.list())]);
  if (settings.error !== null || pages.error !== null) {
    const refusal = settings.error !== null ? settings : (pages as { error: string; code: string });
    return (
      <main className="v-page">
        <PageHeader title={t.title} />
        <EmptyState title={t.title}>
          <span data-testid="page-refused">{refusal.code === 'FORBIDDEN' ? t.refused : refusal.error}</span>
        </EmptyState>
      </main>
    );
  }
  const s = settings.data;
  const store = storeUrl(s.tenant.slug);
  const standardTitles = { about: t.about, returns: t.returns, privacy: t.privacy } as const;
  return (
    <main className="v-page">
      <PageHeader title={t.title} description={t.description} />
      <Card>
        <h2 style={{ marginTop: 0 }}>{t.details}</h2>
        <DetailsForm t={t} initial={{ name: s.tenant.name, email: s.contact.email ?? '', phone: s.contact.phone ?? '', address: s.contact.address ?? '' }} />
      </Card>
      <Card>
        <h2 style={{ marginTop: 0 }}>
          {t.languages} · {t.currencies}
        </h2>
        <LanguagesForm t={t} initial={{ locale: s.languages.default, enabled: s.languages.enabled, currency: s.currencies.base, display: s.currencies.display }} />
      </Card>
      <h2>{t.pages}</h2>
      <p>{t.pagesHelp}</p>
      {pages.data.standard.map(({ slug, page }) => (
        <Card key={slug}>
          <h3 style={{ marginTop: 0 }}>
            {standardTitles[slug]} <small>/pages/{slug}</small> {page ? null : <em>· {t.notWritten}</em>}
          </h3>
          <PageForm
            t={t}
            storeHref={`${store}/pages/${slug}`}
            page={{ slug, title: page?.title ?? standardTitles[slug], body: page?.body ?? '', published: page?.published ?? true, exists: !!page }}
          />
        </Card>
      ))}
      {pages.data.custom.map((page) => (
        <Card key={page.slug}>
          <h3 style={{ marginTop: 0 }}>
            {page.title} <small>/pages/{page.slug}</small>
          </h3>
          <PageForm t={t} storeHref={`${store}/pages/${page.slug}`} page={{ ...page, exists: true }} />
        </Card>
      ))}
      <Card>
        <h3 style={{ marginTop: 0 }}>{t.newPage}</h3>
        <PageForm t={t} page={{ slug: '', title: '', body: '', published: true, exists: false }} />
      </Card>
    </main>
  );
}
