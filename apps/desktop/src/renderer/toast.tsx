import { useCallback, useEffect, useRef, useState } from 'react';
import { t } from './i18n.ts';

const SHOWN_MS = 6_000;

/** A short message in a polite live region (always in the page, so screen readers hear each new one). */
export function useToast() {
  const [message, setMessage] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const show = useCallback((text: string) => {
    clearTimeout(timer.current);
    setMessage(text);
    timer.current = setTimeout(() => setMessage(null), SHOWN_MS);
  }, []);
  const dismiss = useCallback(() => {
    clearTimeout(timer.current);
    setMessage(null);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  return { message, show, dismiss };
}

export function Toast({ message, onDismiss }: { message: string | null; onDismiss: () => void }) {
  return (
    <div className="toast-region" role="status" aria-live="polite" data-testid="toast">
      {message ? (
        <div className="toast">
          <span>{message}</span>
          <button type="button" className="toast__close" onClick={onDismiss} aria-label={t.dismiss}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
