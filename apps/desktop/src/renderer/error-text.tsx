import { errorMessage } from './bridge-client.ts';

/** A rejected bridge call as the sentence it carries (nothing when there is no error). */
export function ErrorText({ error, className }: { error: unknown; className?: string }) {
  if (error === null || error === undefined) return null;
  return (
    <p className={className ?? 'v-alert'} role="alert">
      {errorMessage(error)}
    </p>
  );
}
