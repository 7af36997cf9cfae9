'use client';
import { Button, EmptyState } from '@vitrine/ui';

/** Any unexpected failure while rendering a page: a plain sentence and a way to retry, never a stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="v-page">
      <EmptyState
        title="Something went wrong"
        action={
          <Button type="button" onClick={() => reset()}>
            Try again
          </Button>
        }
      >
        Something went wrong on our side. Please try again in a moment.
        {error.digest ? ` If it keeps happening, tell us this reference: ${error.digest}.` : ''}
      </EmptyState>
    </main>
  );
}
