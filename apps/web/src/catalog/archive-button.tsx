'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Button } from '@vitrine/ui';
import type { Locale } from '../i18n/locale.ts';
import { catalogMessages } from '../i18n/messages/catalog.ts';
import { useTRPC } from '../trpc/client.tsx';

/** Archive (off the store, kept) or restore (back as a draft). */
export function ArchiveButton({ locale, id, archived }: { locale: Locale; id: string; archived: boolean }) {
  const t = catalogMessages[locale];
  const trpc = useTRPC();
  const router = useRouter();
  const options = { onSuccess: () => router.refresh() };
  const archive = useMutation(trpc.catalog.products.archive.mutationOptions(options));
  const restore = useMutation(trpc.catalog.products.restore.mutationOptions(options));
  const error = archive.error ?? restore.error;
  return (
    <span>
      {archived ? (
        <Button variant="secondary" disabled={restore.isPending} onClick={() => restore.mutate({ id })}>
          {t.restoreProduct}
        </Button>
      ) : (
        <Button variant="danger" disabled={archive.isPending} onClick={() => archive.mutate({ id })}>
          {t.archiveProduct}
        </Button>
      )}
      {error ? (
        <span className="v-field__error" role="alert">
          {' '}
          {error.message}
        </span>
      ) : null}
    </span>
  );
}
