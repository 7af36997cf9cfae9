import { notFound, redirect } from 'next/navigation';
import { Badge, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { modulesMessages } from '../../../../src/i18n/messages/modules.ts';
import { requestLocale } from '../../../../src/i18n/request-locale.ts';
import { load } from '../../../../src/mercadolivre/load.ts';
import { currentUser } from '../../../../src/server/auth.ts';
import { serverCaller } from '../../../../src/server/caller.ts';
import { TenantModuleForm } from './module-form.tsx';

export const metadata = { title: 'Modules · Vitrine platform' };

export default async function PlatformModulesPage({ searchParams }: { searchParams: Promise<{ store?: string }> }) {
  const user = await currentUser();
  if (!user) redirect('/login?next=/platform/modules');
  if (user.platformRole !== 'SUPER_ADMIN') notFound();
  const locale = await requestLocale();
  const t = modulesMessages[locale];
  const slug = (await searchParams).store?.trim().toLowerCase() ?? '';
  const caller = await serverCaller();
  const view = slug ? await load(() => caller.modules.platform.store({ slug })) : null;
  return (
    <main className="v-page">
      <PageHeader title={t.platformTitle} description={t.platformDescription} />
      <form className="v-row" method="get" style={{ alignItems: 'flex-end' }}>
        <div className="v-field">
          <label htmlFor="store">{t.storeAddress}</label>
          <input id="store" name="store" defaultValue={slug} aria-invalid={view?.error ? true : undefined} aria-describedby={view?.error ? 'store-error' : undefined} />
          {view?.error ? (
            <span id="store-error" className="v-field__error" role="alert">
              {view.error}
            </span>
          ) : null}
        </div>
        <button className="v-button" type="submit">
          {t.find}
        </button>
      </form>
      {!view || view.error !== null ? (
        <EmptyState title={t.platformTitle}>{t.pickStore}</EmptyState>
      ) : (
        <>
          <h2>
            {view.data.store.name} · {view.data.store.slug} · {view.data.store.planName}
          </h2>
          <Table data-testid="platform-store-modules">
            <thead>
              <tr>
                <th>{t.module}</th>
                <th>{t.inPlan}</th>
                <th>{t.override}</th>
                <th>{t.effective}</th>
                <th>{t.stateLabel}</th>
              </tr>
            </thead>
            <tbody>
              {view.data.modules.map((m) => (
                <tr key={m.code} data-module={m.code}>
                  <td>{m.name}</td>
                  <td>{m.inPlan ? t.yes : t.no}</td>
                  <td>{m.override ? `${m.override.enabled ? t.on : t.off}: ${m.override.reason}` : '—'}</td>
                  <td>
                    <Badge tone={m.enabled ? 'success' : 'neutral'}>{m.enabled ? t.on : t.off}</Badge>
                  </td>
                  <td>
                    <TenantModuleForm locale={locale} tenantId={view.data.store.id} module={m.code} name={m.name} current={m.override ? (m.override.enabled ? 'on' : 'off') : 'plan'} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </main>
  );
}
