import { notFound, redirect } from 'next/navigation';
import { Badge, Card, PageHeader } from '@vitrine/ui';
import { InlineActionForm } from '../../../../src/forms/inline-action-form.tsx';
import { platformCatalogueMessages } from '../../../../src/i18n/messages/platform-catalogue.ts';
import { messagesFor } from '../../../../src/i18n/request-locale.ts';
import { currentUser } from '../../../../src/server/auth.ts';
import { serverCaller } from '../../../../src/server/caller.ts';
import { setThemeAction } from './actions.ts';

export const metadata = { title: 'Themes · Vitrine platform' };

export default async function PlatformThemesPage() {
  const user = await currentUser();
  if (!user) redirect('/login?next=/platform/themes');
  if (user.platformRole !== 'SUPER_ADMIN') notFound();
  const t = await messagesFor(platformCatalogueMessages);
  const themes = await (await serverCaller()).platformThemes.list();
  const nameOf = (code: string) => (t as Record<string, string>)[`theme_${code}`] ?? code;
  return (
    <main className="v-page">
      <PageHeader title={t.themesTitle} description={t.themesDescription} />
      <div className="v-grid" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))' }} data-testid="themes-list">
        {themes.map((theme) => (
          <Card key={theme.code}>
            <div data-theme={theme.code}>
              <h2 style={{ marginTop: 0 }}>
                {nameOf(theme.code)}{' '}
                <Badge tone={theme.enabledForNewStores ? 'success' : 'neutral'}>{theme.enabledForNewStores ? t.offered : t.notOfferedTheme}</Badge>
              </h2>
              <iframe
                title={`${t.preview}: ${nameOf(theme.code)}`}
                src={`/platform/themes/preview/${theme.code}`}
                loading="lazy"
                style={{ width: '100%', height: 320, border: '1px solid var(--border, #ddd)', borderRadius: 8 }}
              />
              <InlineActionForm
                action={setThemeAction}
                label={theme.enabledForNewStores ? t.disable : t.enable}
                ariaLabel={`${theme.enabledForNewStores ? t.disable : t.enable}: ${nameOf(theme.code)}`}
                variant={theme.enabledForNewStores ? 'secondary' : 'primary'}
                hidden={{ code: theme.code, enabled: theme.enabledForNewStores ? 'false' : 'true' }}
              />
            </div>
          </Card>
        ))}
      </div>
    </main>
  );
}
