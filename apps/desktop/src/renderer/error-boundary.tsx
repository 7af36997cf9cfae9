import { Button } from '@vitrine/ui';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorMessage } from './bridge-client.ts';
import { t } from './i18n.ts';

interface State {
  error: unknown;
}

/** A screen that throws while rendering shows a sentence and a way back instead of a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Renderer error', error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="v-alert app-crash" role="alert">
        <p>
          <strong>{t.somethingWentWrong}</strong> {errorMessage(this.state.error)}
        </p>
        <Button variant="secondary" onClick={() => this.setState({ error: null })}>
          {t.tryAgain}
        </Button>
      </div>
    );
  }
}
