'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Button } from '@vitrine/ui';
import { useTRPC } from '../trpc/client.tsx';

/** Sends a dead-lettered notification back to the worker; the list refreshes so it leaves once replayed. */
export function ReplayButton({ notificationId, label }: { notificationId: string; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const replay = useMutation(trpc.mercadolivre.replay.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <span>
      <Button variant="secondary" disabled={replay.isPending || replay.isSuccess} onClick={() => replay.mutate({ notificationId })} aria-label={`Replay ${label}`}>
        {replay.isSuccess ? 'Queued again' : replay.isPending ? 'Replaying…' : 'Replay'}
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
