import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Badge, Card, EmptyState, PageHeader, type BadgeTone } from '@vitrine/ui';
import type { MlSiteId } from '@vitrine/mercadolivre/schemas';
import { adminCaller } from '../../../../src/admin/active-tenant.ts';
import { currentUser } from '../../../../src/server/auth.ts';
import { ConnectForm, ReconnectButton } from '../../../../src/mercadolivre/connect-form.tsx';
import { DisconnectButton } from '../../../../src/mercadolivre/disconnect-button.tsx';
import { formatDateTime } from '../../../../src/mercadolivre/format.ts';
import { load } from '../../../../src/mercadolivre/load.ts';
import { LoadError, MlNav } from '../../../../src/mercadolivre/nav.tsx';
import { SyncProgress } from '../../../../src/mercadolivre/sync-progress.tsx';

export const metadata = { title: 'Mercado Livre · Vitrine' };

const STATUS: Record<string, { tone: BadgeTone; label: string }> = {
  ACTIVE: { tone: 'success', label: 'Active' },
  RECONNECT_NEEDED: { tone: 'danger', label: 'Reconnect needed' },
  DISCONNECTED: { tone: 'neutral', label: 'Disconnected' },
};

/** The callback route's ?error= codes as sentences; anything else is shown as the route wrote it. */
const CALLBACK_ERRORS: Record<string, string> = {
  access_denied: 'You cancelled the authorization on Mercado Livre, so no account was connected.',
  invalid_state: 'That authorization link expired or was already used. Start the connection again.',
};

export default async function MercadoLivrePage({ searchParams }: { searchParams: Promise<{ connected?: string; error?: string }> }) {
  if (!(await currentUser())) redirect('/login?next=/admin/mercadolivre');
  const params = await searchParams;
  const { caller } = await adminCaller();
  if (!caller) {
    return (
      <main className="v-page">
        <EmptyState title="You have no store yet" action={<Link className="v-button" href="/admin/stores/new">Open your store</Link>}>
          Open a store before connecting Mercado Livre.
        </EmptyState>
      </main>
    );
  }
  const accounts = await load(() => caller.mercadolivre.accounts());

  return (
    <main className="v-page">
      <PageHeader title="Mercado Livre" description="Your seller accounts, their health and how far each sync has come." />
      <MlNav current="accounts" />
      {params.connected ? (
        <p className="v-card" role="status" data-testid="ml-connected" style={{ borderColor: 'var(--success)', color: 'var(--success)', marginBottom: 16 }}>
          {`Connected ${params.connected}. The first sync has started; progress shows below.`}
        </p>
      ) : null}
      {params.error ? <LoadError message={CALLBACK_ERRORS[params.error] ?? params.error} /> : null}
      <Card>
        <h2 style={{ marginTop: 0 }}>Connect a Mercado Livre account</h2>
        <p style={{ color: 'var(--muted)', marginTop: 0 }}>You will sign in on Mercado Livre and allow Vitrine to read your orders and answer questions.</p>
        <ConnectForm />
      </Card>
      <h2>Accounts</h2>
      {accounts.error !== null ? (
        <LoadError message={accounts.error} />
      ) : accounts.data.length === 0 ? (
        <EmptyState title="No Mercado Livre account yet">Connect one above to see its orders and questions here.</EmptyState>
      ) : (
        <div style={{ display: 'grid', gap: 16 }}>
          {accounts.data.map((account) => {
            const status = STATUS[account.status] ?? { tone: 'neutral' as const, label: account.status };
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
                        {`${account.siteId} · seller ${String(account.mlUserId)} · last synced ${formatDateTime(account.lastSyncedAt)}`}
                      </p>
                    </div>
                    <div className="v-row" style={{ alignItems: 'center' }}>
                      {account.status === 'RECONNECT_NEEDED' ? <ReconnectButton siteId={account.siteId as MlSiteId} nickname={account.nickname} /> : null}
                      {account.status !== 'DISCONNECTED' ? <DisconnectButton accountId={account.id} nickname={account.nickname} /> : null}
                    </div>
                  </div>
                  {account.status === 'RECONNECT_NEEDED' ? (
                    <p className="v-alert" role="alert" style={{ marginTop: 12 }}>
                      {`Mercado Livre no longer accepts this account's authorization${account.statusReason ? `: ${account.statusReason}` : ''}. Reconnect it to resume syncing.`}
                    </p>
                  ) : null}
                  {account.status === 'DISCONNECTED' ? (
                    <p style={{ color: 'var(--muted)' }}>Disconnected: nothing syncs. Connect the seller again above to resume.</p>
                  ) : (
                    <div style={{ marginTop: 12 }}>
                      <SyncProgress accountId={account.id} nickname={account.nickname} initialRuns={account.runs} canSync={account.status === 'ACTIVE'} />
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
