import { redirect } from 'next/navigation';
import { EmptyState, PageHeader } from '@vitrine/ui';
import { adminCaller } from '../../../../../src/admin/active-tenant.ts';
import { dataExportMessages } from '../../../../../src/i18n/messages/data-export.ts';
import { requestLocale } from '../../../../../src/i18n/request-locale.ts';
import { load } from '../../../../../src/mercadolivre/load.ts';
import { currentUser } from '../../../../../src/server/auth.ts';
import { DataExportPanel } from './data-export-panel.tsx';

export const metadata = { title: 'Your data · Vitrine' };

export default async function DataExportPage() {
  if (!(await currentUser())) redirect('/login?next=/admin/settings/data');
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  const locale = await requestLocale();
  const t = dataExportMessages[locale];
  const exports = await load(() => caller.dataExport.list());
  if (exports.error !== null) {
    return (
      <main className="v-page">
        <PageHeader title={t.title} />
        <EmptyState title={t.title}>
          <span data-testid="page-refused">{exports.code === 'FORBIDDEN' ? t.refused : exports.error}</span>
        </EmptyState>
      </main>
    );
  }
  return (
    <main className="v-page">
      <PageHeader title={t.title} description={t.description} />
      <DataExportPanel locale={locale} initial={exports.data} />
    </main>
  );
}
