import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Card, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { adminCaller } from '../../../../../src/admin/active-tenant.ts';
import { basisPointsText } from '../../../../../src/commerce-settings/form-values.ts';
import { DeleteTaxRule, TaxRuleForm } from '../../../../../src/commerce-settings/tax-forms.tsx';
import { commerceSettingsMessages } from '../../../../../src/i18n/messages/commerce-settings.ts';
import { requestLocale } from '../../../../../src/i18n/request-locale.ts';
import { load } from '../../../../../src/mercadolivre/load.ts';
import { refusalSentence } from '../../../../../src/orders/load-refusal.ts';
import { currentUser } from '../../../../../src/server/auth.ts';

export const metadata = { title: 'Tax · Vitrine' };

export default async function TaxSettingsPage({ searchParams }: { searchParams: Promise<{ edit?: string }> }) {
  if (!(await currentUser())) redirect('/login?next=/admin/settings/tax');
  const { edit } = await searchParams;
  const locale = await requestLocale();
  const t = commerceSettingsMessages[locale];
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  const rules = await load(() => caller.taxRules.list());
  if (rules.error !== null) {
    return (
      <main className="v-page">
        <PageHeader title={t.taxTitle} />
        <EmptyState title={t.taxTitle}>
          <span data-testid="page-refused">{refusalSentence(rules, t.refused)}</span>
        </EmptyState>
      </main>
    );
  }
  const editing = rules.data.find((r) => r.id === edit);
  const place = (r: { country: string; region: string | null }) => (r.region ? `${r.country}-${r.region}` : `${r.country} · ${t.wholeCountry}`);
  return (
    <main className="v-page">
      <PageHeader title={t.taxTitle} description={t.taxDescription} />
      <h2>{t.rulesTitle}</h2>
      {rules.data.length === 0 ? (
        <EmptyState title={t.noRules}>{t.noRulesHelp}</EmptyState>
      ) : (
        <Table data-testid="tax-rules">
          <thead>
            <tr>
              <th>{t.ruleName}</th>
              <th>{t.country}</th>
              <th>{t.rate}</th>
              <th>{t.appliesToShipping}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rules.data.map((r) => (
              <tr key={r.id}>
                <td>{r.name}</td>
                <td>{place(r)}</td>
                <td>{basisPointsText(r.rateBasisPoints)}%</td>
                <td>{r.appliesToShipping ? t.yes : t.no}</td>
                <td className="v-row">
                  <Link href={`/admin/settings/tax?edit=${r.id}`} aria-label={`${t.edit} ${r.name} ${place(r)}`}>
                    {t.edit}
                  </Link>
                  <DeleteTaxRule locale={locale} id={r.id} label={`${r.name} (${place(r)})`} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Card>
        <h2 style={{ marginTop: 0 }}>{editing ? `${t.editRule}: ${editing.name} (${place(editing)})` : t.addRule}</h2>
        {editing ? (
          <>
            <TaxRuleForm
              key={editing.id}
              locale={locale}
              rule={{ id: editing.id, name: editing.name, country: editing.country, region: editing.region ?? '', rate: basisPointsText(editing.rateBasisPoints), appliesToShipping: editing.appliesToShipping }}
            />
            <Link href="/admin/settings/tax">{t.cancelEdit}</Link>
          </>
        ) : (
          <TaxRuleForm locale={locale} />
        )}
      </Card>
    </main>
  );
}
