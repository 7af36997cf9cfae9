import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Badge, Card, EmptyState, PageHeader, type BadgeTone } from '@vitrine/ui';
import type { MlSiteId } from '@vitrine/mercadolivre/schemas';
import { adminCaller } from '../../../../src/admin/active-tenant.ts';
import { mercadolivreMessages } from '../../../../src/i18n/messages/mercadolivre.ts';
import { messagesFor, requestLocale } from '../../../../src/i18n/request-locale.ts';
import { currentUser } from '../../../../src/server/auth.ts';
import { ConnectForm, ReconnectButton } from '../../../../src/mercadolivre/connect-form.tsx';
import { DisconnectButton } from '../../../../src/mercadolivre/disconnect-button.tsx';
import { formatDateTime } from '../../../../src/mercadolivre/format.ts';
import { load } from '../../../../src/mercadolivre/load.ts';
import { LoadError, MlNav } from '../../../../src/mercadolivre/nav.tsx';
import { SyncProgress } from '../../../../src/mercadolivre/sync-progress.tsx';

export async function generateMetadata() {
  return { title: (await messagesFor(mercadolivreMessages)).metaAccounts };
}

type Messages = (typeof mercadolivreMessages)['en'];

const STATUS: Record<string, { tone: BadgeTone; label: (t: Messages) => string }> = {
  ACTIVE: { tone: 'success', label: (t) => t.accountActive },
  RECONNECT_NEEDED: { tone: 'danger', label: (t) => t.accountReconnectNeeded },
  DISCONNECTED: { tone: 'neutral', label: (t) => t.accountDisconnected },
};

/** The callback route's ?error= codes as sentences; anything else is shown as the route wrote it. */
const CALLBACK_ERRORS: Record<string, (t: Messages) => string> = {
  access_denied: (t) => t.callbackAccessDenied,
  invalid_state: (t) => t.callbackInvalidState,
};

export default async function MercadoLivrePage({ searchParams }: { searchParams: Promise<{ connected?: string; error?: string }> }) {
  if (!(await currentUser())) redirect('/login?next=/admin/mercadolivre');
  const params = await searchParams;
  const locale = await requestLocale();
  const t = mercadolivreMessages[locale];
  const { caller } = await adminCaller();
  if (!caller) {
    return (
      <main className="v-page">
        <EmptyState title={t.noStoreTitle} action={<Link className="v-button" href="/admin/stores/new">{t.noStoreAction}</Link>}>
          {t.noStoreBody}
        </EmptyState>
      </main>
    );
  }
  const accounts = await load(() => caller.mercadolivre.accounts());

  return (
    <main className="v-page">
      <PageHeader title={t.accountsTitle} description={t.accountsDescription} />
      <MlNav current="accounts" />
      {params.connected ? (
        <p className="v-card" role="status" data-testid="ml-connected" style={{ borderColor: 'var(--success)', color: 'var(--success)', marginBottom: 16 }}>
          {t.connected(params.connected)}
        </p>
      ) : null}
      {params.error ? <LoadError message={CALLBACK_ERRORS[params.error]?.(t) ?? params.error} /> : null}
      <Card>
        <h2 style={{ marginTop: 0 }}>{t.connectTitle}</h2>
        <p style={{ color: 'var(--muted)', marginTop: 0 }}>{t.connectHint}</p>
        <ConnectForm locale={locale} />
      </Card>
      <h2>{t.accountsHeading}</h2>
      {accounts.error !== null ? (
        <LoadError message={accounts.error} />
      ) : accounts.data.length === 0 ? (
        <EmptyState title={t.noAccountsTitle}>{t.noAccountsBody}</EmptyState>
      ) : (
        <div style={{ display: 'grid', gap: 16 }}>
          {accounts.data.map((account) => {
            const known = STATUS[account.status];
            const status = known ? { tone: known.tone, label: known.label(t) } : { tone: 'neutral' as const, label: account.status };
            return (
              <Card key={account.id}>
                <section data-testid={`ml-account-${account.nickname}`} aria-label={account.nickname}>
                  <div className="v-row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
                    <div>
                      <h3 style={{ margin: 0 }}>
                        {account.nickname}{' '}
                        <span data-testid="ml-account-status">
                          <Badge tone={status.tone}>{status.label}</Badge>
                        </span>
                      </h3>
                      <p style={{ margin: '4px 0 0', color: 'var(--muted)', fontSize: '0.9rem' }}>
                        {t.accountLine(account.siteId, String(account.mlUserId), formatDateTime(account.lastSyncedAt, locale))}
                      </p>
                    </div>
                    <div className="v-row" style={{ alignItems: 'center' }}>
                      {account.status === 'RECONNECT_NEEDED' ? <ReconnectButton siteId={account.siteId as MlSiteId} nickname={account.nickname} locale={locale} /> : null}
                      {account.status !== 'DISCONNECTED' ? <DisconnectButton accountId={account.id} nickname={account.nickname} locale={locale} /> : null}
                    </div>
                  </div>
                  {account.status === 'RECONNECT_NEEDED' ? (
                    <p className="v-alert" role="alert" style={{ marginTop: 12 }}>
                      {t.reconnectAlert(account.statusReason)}
                    </p>
                  ) : null}
                  {account.status === 'DISCONNECTED' ? (
                    <p style={{ color: 'var(--muted)' }}>{t.disconnectedNote}</p>
                  ) : (
                    <div style={{ marginTop: 12 }}>
                      <SyncProgress accountId={account.id} nickname={account.nickname} initialRuns={account.runs} canSync={account.status === 'ACTIVE'} locale={locale} />
                    </div>
                  )}
                </section>
              </Card>
            );
          })}
        </div>
      )}
    </main>
  );
}
