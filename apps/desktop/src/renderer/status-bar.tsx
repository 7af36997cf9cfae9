import { Badge, Button } from '@vitrine/ui';
import type { AppStatus } from '../shared/bridge.ts';
import { useSignOut, useSyncNow } from './bridge-client.ts';
import { ErrorText } from './error-text.tsx';
import { t, wordFor } from './i18n.ts';
import { formatDateTime, formatWhen } from './format.ts';

/** Always on screen: connection, last sync and its progress, the outbox, the last problem, who is signed in. */
export function StatusBar({ status }: { status: AppStatus }) {
  const sync = useSyncNow();
  const signOut = useSignOut();
  const ready = status.phase === 'ready';
  const { progress } = status;

  return (
    <header className="status-bar" aria-label={t.statusBarLabel}>
      <div className="status-bar__brand">
        <span className="status-bar__app">{t.appName}</span>
        {status.store ? <span className="status-bar__store">{status.store.name}</span> : null}
      </div>

      <span role="status" data-testid="connection" className={`connection connection--${status.connection}`}>
        <Badge tone={status.connection === 'online' ? 'success' : 'warning'}>
          {status.connection === 'online' ? t.online : t.offline}
        </Badge>
      </span>

      {ready ? (
        <>
          <span className="status-bar__item">
            {t.lastSync}:{' '}
            {status.lastSyncedAt ? (
              <time data-testid="last-sync" dateTime={status.lastSyncedAt} title={formatDateTime(status.lastSyncedAt)}>
                {formatWhen(status.lastSyncedAt)}
              </time>
            ) : (
              <span data-testid="last-sync">{t.neverSynced}</span>
            )}
          </span>

          {progress ? (
            <span className="status-bar__item sync-progress">
              <label htmlFor="sync-progress">{t.syncProgressLabel(wordFor(t.resources, progress.resource), progress.done, progress.total)}</label>
              <progress
                id="sync-progress"
                data-testid="sync-progress"
                max={Math.max(progress.total, 1)}
                value={progress.done}
                aria-valuemin={0}
                aria-valuemax={progress.total}
                aria-valuenow={progress.done}
              />
            </span>
          ) : null}

          <Button variant="secondary" className="button--small" onClick={() => sync.mutate(undefined)} disabled={sync.isPending} aria-busy={sync.isPending || progress !== null}>
            {t.syncNow}
          </Button>

          <span className="status-bar__item" data-testid="outbox-counts">
            {t.outboxCounts(status.outbox.pending, status.outbox.conflicts)}
          </span>
        </>
      ) : null}

      {status.error ? (
        <span className="status-bar__error" role="alert" data-testid="status-error">
          {status.error}
        </span>
      ) : null}
      <ErrorText error={sync.error ?? signOut.error} className="status-bar__error" />

      {status.user ? (
        <div className="status-bar__user">
          <span title={t.signedInAs}>{status.user.email}</span>
          <Button variant="secondary" className="button--small" onClick={() => signOut.mutate(undefined)} disabled={signOut.isPending}>
            {t.signOut}
          </Button>
        </div>
      ) : null}
    </header>
  );
}
