'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DataExportView } from '@vitrine/api/data-export';
import { Button, Card, EmptyState, Table } from '@vitrine/ui';
import type { Locale } from '../../../../../src/i18n/locale.ts';
import { dataExportMessages } from '../../../../../src/i18n/messages/data-export.ts';
import { useTRPC } from '../../../../../src/trpc/client.tsx';

const inProgress = (rows: DataExportView[] | undefined) => rows?.some((e) => e.status === 'QUEUED' || e.status === 'RUNNING') ?? false;

function sizeOf(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Ask for an export, follow its progress (polled while one is preparing), download it while it is kept. */
export function DataExportPanel({ locale, initial }: { locale: Locale; initial: DataExportView[] }) {
  const t = dataExportMessages[locale];
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery({
    ...trpc.dataExport.list.queryOptions(),
    initialData: initial,
    refetchInterval: (query) => (inProgress(query.state.data) ? 1000 : false),
  });
  const request = useMutation(
    trpc.dataExport.request.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.dataExport.list.queryKey() }),
    }),
  );
  const rows = list.data ?? [];
  const when = (date: Date | null) => (date ? new Date(date).toLocaleString(locale) : '—');
  return (
    <>
      <Card>
        <p>{t.keptFor}</p>
        <Button disabled={request.isPending || inProgress(rows)} onClick={() => request.mutate({})} data-testid="request-export">
          {request.isPending ? t.requesting : t.request}
        </Button>
        {request.error ? (
          <span className="v-field__error" role="alert">
            {' '}
            {request.error.message}
          </span>
        ) : null}
      </Card>
      <h2>{t.history}</h2>
      {rows.length === 0 ? (
        <EmptyState title={t.none} />
      ) : (
        <Table data-testid="data-exports">
          <thead>
            <tr>
              <th>{t.requested}</th>
              <th>{t.status}</th>
              <th>{t.progress}</th>
              <th>{t.size}</th>
              <th>{t.expires}</th>
              <th />
            </tr>
          </thead>
          <tbody aria-live="polite">
            {rows.map((row) => (
              <tr key={row.id} data-testid="data-export" data-status={row.status}>
                <td>{when(row.createdAt)}</td>
                <td>
                  {t.statusLabel(row.status)}
                  {row.error ? <div className="v-field__error">{row.error}</div> : null}
                </td>
                <td>
                  {row.status === 'RUNNING' || row.status === 'QUEUED' ? (
                    <>
                      <progress max={Math.max(1, row.progress.total)} value={row.progress.done} /> {t.rows(row.progress.done, row.progress.total)}
                    </>
                  ) : (
                    t.rows(row.progress.done, row.progress.total)
                  )}
                </td>
                <td>{sizeOf(row.sizeBytes)}</td>
                <td>{row.status === 'DONE' ? (row.expired ? t.expired : when(row.expiresAt)) : '—'}</td>
                <td>
                  {row.downloadPath ? (
                    <a className="v-button v-button--secondary" href={row.downloadPath} download>
                      {t.download}
                    </a>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
