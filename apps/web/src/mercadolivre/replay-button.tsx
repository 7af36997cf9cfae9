'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Button } from '@vitrine/ui';
import type { Locale } from '../i18n/locale.ts';
import { mercadolivreMessages } from '../i18n/messages/mercadolivre.ts';
import { useTRPC } from '../trpc/client.tsx';

/** Sends a dead-lettered notification back to the worker; the list refreshes so it leaves once replayed. */
export function ReplayButton({ notificationId, label, locale }: { notificationId: string; label: string; locale: Locale }) {
  const t = mercadolivreMessages[locale];
  const trpc = useTRPC();
  const router = useRouter();
  const replay = useMutation(trpc.mercadolivre.replay.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <span>
      <Button variant="secondary" disabled={replay.isPending || replay.isSuccess} onClick={() => replay.mutate({ notificationId })} aria-label={t.replayLabel(label)}>
        {replay.isSuccess ? t.queuedAgain : replay.isPending ? t.replaying : t.replay}
      </Button>
      {replay.error ? (
        <span className="v-field__error" role="alert">
          {' '}
          {replay.error.message}
        </span>
      ) : null}
    </span>
  );
}
