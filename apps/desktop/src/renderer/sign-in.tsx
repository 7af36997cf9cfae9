import { Button, Card, Input } from '@vitrine/ui';
import { useState } from 'react';
import type { AppStatus, SignInPrompt } from '../shared/bridge.ts';
import { useCancelSignIn, useOpenSignInPage, useStartSignIn } from './bridge-client.ts';
import { ErrorText } from './error-text.tsx';
import { formatDateTime } from './format.ts';
import { t } from './i18n.ts';

/**
 * 'signed-out' and 'signing-in': the device flow. The prompt (code) lives here, and this screen stays mounted
 * through both phases, so the code remains visible while the main process waits for the approval.
 */
export function SignIn({ status }: { status: AppStatus }) {
  const [deviceName, setDeviceName] = useState(status.deviceName || t.defaultDeviceName);
  const [started, setPrompt] = useState<SignInPrompt | null>(null);
  // The main process keeps the pending code too, so a reloaded window shows it again.
  const prompt = started ?? status.signIn;
  const start = useStartSignIn();
  const open = useOpenSignInPage();
  const cancel = useCancelSignIn();

  // A code that expired or was refused sends the phase back to 'signed-out': forget it then.
  const [seenPhase, setSeenPhase] = useState(status.phase);
  if (seenPhase !== status.phase) {
    setSeenPhase(status.phase);
    if (seenPhase === 'signing-in' && status.phase === 'signed-out') setPrompt(null);
  }

  const begin = () =>
    start.mutate(deviceName.trim() || t.defaultDeviceName, {
      onSuccess: (next) => setPrompt(next),
    });
  const stop = () => cancel.mutate(undefined, { onSuccess: () => setPrompt(null) });

  const showPrompt = prompt !== null && (status.phase === 'signing-in' || status.phase === 'signed-out');

  return (
    <main className="centered-screen">
      <Card className="sign-in">
        <h1>{t.signInTitle}</h1>
        {showPrompt ? (
          <>
            <p>{t.signInCodeIntro}</p>
            <p className="user-code" data-testid="user-code" aria-label={t.userCodeLabel}>
              {prompt.userCode}
            </p>
            <div className="v-row">
              <Button onClick={() => open.mutate()} disabled={open.isPending}>
                {t.openBrowser}
              </Button>
              <Button variant="secondary" onClick={stop} disabled={cancel.isPending}>
                {t.cancel}
              </Button>
            </div>
            <p className="muted">{t.orVisit(prompt.verificationUri)}</p>
            <p className="muted">{t.codeExpires(formatDateTime(prompt.expiresAt))}</p>
            {status.phase === 'signing-in' ? (
              <p className="muted" aria-live="polite">
                {t.waitingForApproval}
              </p>
            ) : null}
          </>
        ) : status.phase === 'signing-in' ? (
          <>
            <p>{t.signInLost}</p>
            <div className="v-row">
              <Button onClick={() => cancel.mutate(undefined, { onSuccess: () => begin() })} disabled={cancel.isPending || start.isPending}>
                {t.startAgain}
              </Button>
              <Button variant="secondary" onClick={stop} disabled={cancel.isPending}>
                {t.cancel}
              </Button>
            </div>
          </>
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              begin();
            }}
          >
            <p>{t.signInIntro}</p>
            <Input
              label={t.deviceName}
              name="deviceName"
              value={deviceName}
              onChange={(event) => setDeviceName(event.target.value)}
              maxLength={100}
              autoComplete="off"
              aria-describedby="device-name-hint"
            />
            <p id="device-name-hint" className="muted field-hint">
              {t.deviceNameHint}
            </p>
            <Button type="submit" disabled={start.isPending}>
              {t.signInWithBrowser}
            </Button>
          </form>
        )}
        <ErrorText error={start.error ?? open.error ?? cancel.error} />
      </Card>
    </main>
  );
}
