'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Button } from '@vitrine/ui';
import { useTRPC } from '../trpc/client.tsx';

/** Disconnecting stops syncs and notifications for the account; the browser's confirm guards a misclick. */
export function DisconnectButton({ accountId, nickname }: { accountId: string; nickname: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const disconnect = useMutation(trpc.mercadolivre.disconnect.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <span>
      <Button
        variant="danger"
        disabled={disconnect.isPending}
        aria-label={`Disconnect ${nickname}`}
        onClick={() => {
          if (window.confirm(`Disconnect ${nickname}? Orders and questions stop syncing until you connect it again.`)) disconnect.mutate({ accountId });
        }}
      >
        {disconnect.isPending ? 'Disconnecting…' : 'Disconnect'}
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
