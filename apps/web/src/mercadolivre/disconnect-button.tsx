'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Button } from '@vitrine/ui';
import type { Locale } from '../i18n/locale.ts';
import { mercadolivreMessages } from '../i18n/messages/mercadolivre.ts';
import { useTRPC } from '../trpc/client.tsx';

/** Disconnecting stops syncs and notifications for the account; the browser's confirm guards a misclick. */
export function DisconnectButton({ accountId, nickname, locale }: { accountId: string; nickname: string; locale: Locale }) {
  const t = mercadolivreMessages[locale];
  const trpc = useTRPC();
  const router = useRouter();
  const disconnect = useMutation(trpc.mercadolivre.disconnect.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <span>
      <Button
        variant="danger"
        disabled={disconnect.isPending}
        aria-label={t.disconnectLabel(nickname)}
        onClick={() => {
          if (window.confirm(t.disconnectConfirm(nickname))) disconnect.mutate({ accountId });
        }}
      >
        {disconnect.isPending ? t.disconnecting : t.disconnect}
      </Button>
      {disconnect.error ? (
        <span className="v-field__error" role="alert">
          {' '}
          {disconnect.error.message}
        </span>
      ) : null}
    </span>
  );
}
