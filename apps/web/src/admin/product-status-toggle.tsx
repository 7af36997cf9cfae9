'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Button } from '@vitrine/ui';
import { useTRPC } from '../trpc/client.tsx';

/** Draft ⇄ Active through the tRPC client (TanStack Query), then the server list refreshes. */
export function ProductStatusToggle({ id, status, title }: { id: string; status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED'; title: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.catalog.products.update.mutationOptions({ onSuccess: () => router.refresh() }));
  if (status === 'ARCHIVED') return null;
  const next = status === 'ACTIVE' ? 'DRAFT' : 'ACTIVE';
  return (
    <span>
      <Button variant="secondary" disabled={update.isPending} onClick={() => update.mutate({ id, status: next })} aria-label={`${next === 'ACTIVE' ? 'Publish' : 'Unpublish'} ${title}`}>
        {next === 'ACTIVE' ? 'Publish' : 'Unpublish'}
      </Button>
      {update.error ? (
        <span className="v-field__error" role="alert">
          {' '}
          {update.error.message}
        </span>
      ) : null}
    </span>
  );
}
