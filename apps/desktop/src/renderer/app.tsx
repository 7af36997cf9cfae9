import { useCallback } from 'react';
import { useBridgeEvents, useStatus } from './bridge-client.ts';
import { ChooseStore } from './choose-store.tsx';
import { ErrorText } from './error-text.tsx';
import { t } from './i18n.ts';
import { Workspace } from './workspace.tsx';
import { SignIn } from './sign-in.tsx';
import { StatusBar } from './status-bar.tsx';
import { Toast, useToast } from './toast.tsx';

/** The window: the status bar, then the screen for the current phase. */
export function App() {
  const status = useStatus();
  const toast = useToast();
  const onNewQuestions = useCallback((count: number) => toast.show(t.newQuestions(count)), [toast.show]);
  useBridgeEvents(onNewQuestions);

  if (!status.data) {
    return (
      <main className="centered-screen">
        {status.error ? <ErrorText error={status.error} /> : <p className="muted">{t.loading}</p>}
      </main>
    );
  }

  const { phase } = status.data;
  return (
    <div className="app">
      <StatusBar status={status.data} />
      {phase === 'ready' && status.data.store ? (
        <Workspace status={status.data} />
      ) : phase === 'choose-store' || phase === 'ready' ? (
        <ChooseStore status={status.data} />
      ) : (
        <SignIn status={status.data} />
      )}
      <Toast message={toast.message} onDismiss={toast.dismiss} />
    </div>
  );
}
