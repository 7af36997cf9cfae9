'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { Badge, Button, type BadgeTone } from '@vitrine/ui';
import type { Locale } from '../i18n/locale.ts';
import { mercadolivreMessages } from '../i18n/messages/mercadolivre.ts';
import { useTRPC } from '../trpc/client.tsx';
import { formatDateTime, percentOf } from './format.ts';
import { isActiveRun, type RunView } from './types.ts';

const RUN_TONE: Record<string, BadgeTone> = { QUEUED: 'neutral', RUNNING: 'warning', SUCCEEDED: 'success', DONE: 'success', FAILED: 'danger' };
const POLL_MS = 2_000;

/**
 * The latest run per resource as progress bars. Polls syncProgress every 2 s while any run is queued or
 * running and stops once all are settled; "Sync now" starts (or joins) incremental runs and polls again.
 */
export function SyncProgress({
  accountId,
  nickname,
  initialRuns,
  canSync,
  locale,
}: {
  accountId: string;
  nickname: string;
  initialRuns: RunView[];
  canSync: boolean;
  locale: Locale;
}) {
  const t = mercadolivreMessages[locale];
  const trpc = useTRPC();
  const router = useRouter();
  const progress = useQuery({
    ...trpc.mercadolivre.syncProgress.queryOptions({ accountId }),
    initialData: initialRuns,
    staleTime: 0,
    refetchInterval: (query) => ((query.state.data ?? []).some(isActiveRun) ? POLL_MS : false),
  });
  const runs = progress.data ?? [];
  const active = runs.some(isActiveRun);
  const sync = useMutation(trpc.mercadolivre.startSync.mutationOptions({ onSuccess: () => void progress.refetch() }));

  // When the last run settles, the server parts (last synced, lists) are stale: refresh them once.
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) router.refresh();
    wasActive.current = active;
  }, [active, router]);

  return (
    <div data-testid={`ml-sync-${nickname}`}>
      {runs.length === 0 ? <p style={{ color: 'var(--muted)' }}>{t.noSyncYet}</p> : null}
      {runs.map((run) => {
        const percent = percentOf(run.processed, run.total);
        const label = t.runLabel(run.resource, run.kind);
        return (
          <div key={run.id} data-testid={`ml-run-${run.resource}`} data-status={run.status} style={{ marginBottom: 8 }}>
            <div className="v-row" style={{ alignItems: 'center', justifyContent: 'space-between' }}>
              <span>
                <strong style={{ textTransform: 'capitalize' }}>{label}</strong>{' '}
                <Badge tone={RUN_TONE[run.status] ?? 'neutral'}>{t.status(run.status)}</Badge>
              </span>
              <span style={{ color: 'var(--muted)', fontSize: '0.85rem' }}>
                {run.total !== null ? `${run.processed} / ${run.total}` : t.runSoFar(run.processed)}
                {run.finishedAt ? t.runFinished(formatDateTime(run.finishedAt, locale)) : run.startedAt ? t.runStarted(formatDateTime(run.startedAt, locale)) : t.runWaiting}
              </span>
            </div>
            <progress value={percent} max={100} aria-label={t.runProgressLabel(label)} style={{ width: '100%' }}>
              {percent}%
            </progress>
            {run.error ? (
              <span className="v-field__error" role="alert">
                {run.error}
              </span>
            ) : null}
          </div>
        );
      })}
      {progress.error ? (
        <p className="v-field__error" role="alert">
          {t.progressError(progress.error.message)}
        </p>
      ) : null}
      {canSync ? (
        <div className="v-row" style={{ alignItems: 'center' }}>
          <Button variant="secondary" disabled={sync.isPending || active} onClick={() => sync.mutate({ accountId, kind: 'INCREMENTAL' })} aria-label={t.syncNowLabel(nickname)}>
            {active ? t.syncing : sync.isPending ? t.syncStarting : t.syncNow}
          </Button>
          {sync.error ? (
            <span className="v-field__error" role="alert">
              {sync.error.message}
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
