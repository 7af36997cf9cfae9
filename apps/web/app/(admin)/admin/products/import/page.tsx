import { redirect } from 'next/navigation';
import { Card, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { adminCaller } from '../../../../../src/admin/active-tenant.ts';
import { ProductImport } from '../../../../../src/admin/product-import/product-import.tsx';
import { requestLocale } from '../../../../../src/i18n/request-locale.ts';
import { productImportMessages } from '../../../../../src/i18n/messages/product-import.ts';
import { currentUser } from '../../../../../src/server/auth.ts';

export const metadata = { title: 'Import products · Vitrine' };

export default async function ProductImportPage() {
  if (!(await currentUser())) redirect('/login?next=/admin/products/import');
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  const locale = await requestLocale();
  const t = productImportMessages[locale];
  const history = await caller.productIo.list().catch(() => null);
  if (history === null) redirect('/admin');
  return (
    <main className="v-page">
      <PageHeader title={t.title} description={t.description} />
      <ProductImport locale={locale} />
      <Card>
        <h2>{t.exportTitle}</h2>
        <p>{t.exportHint}</p>
        <p>
          <a className="v-button v-button--secondary" href="/api/products/export?format=csv" download>
            {t.exportCsv}
          </a>{' '}
          <a className="v-button v-button--secondary" href="/api/products/export?format=xlsx" download>
            {t.exportXlsx}
          </a>
        </p>
      </Card>
      <h2>{t.history}</h2>
      {history.length === 0 ? (
        <EmptyState title={t.noHistory} />
      ) : (
        <Table data-testid="import-history">
          <thead>
            <tr>
              <th>{t.file}</th>
              <th>{t.status}</th>
              <th>{t.row}s</th>
              <th>{t.when}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((item) => (
              <tr key={item.id}>
                <td>{item.fileName}</td>
                <td>{t.statusLabel(item.status)}</td>
                <td>{item.rows}</td>
                <td>{item.createdAt.toLocaleString(locale)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </main>
  );
}
