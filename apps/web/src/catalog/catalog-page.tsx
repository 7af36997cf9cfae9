import Link from 'next/link';
import { redirect } from 'next/navigation';
import { EmptyState } from '@vitrine/ui';
import { adminCaller } from '../admin/active-tenant.ts';
import { requestLocale } from '../i18n/request-locale.ts';
import { catalogMessages } from '../i18n/messages/catalog.ts';
import { currentUser } from '../server/auth.ts';

/** What every catalogue page starts with: the session, the active store's caller and the messages. */
export async function catalogPage(path: string) {
  if (!(await currentUser())) redirect(`/login?next=${encodeURIComponent(path)}`);
  const locale = await requestLocale();
  const t = catalogMessages[locale];
  const { active, caller } = await adminCaller();
  const noStore = (
    <main className="v-page">
      <EmptyState title={t.noStore} action={<Link className="v-button" href="/admin/stores/new">{t.openStore}</Link>}>
        {t.noStoreText}
      </EmptyState>
    </main>
  );
  return { locale, t, active, caller, noStore };
}
