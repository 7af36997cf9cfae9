import 'virtual:vitrine-base.css';
import './styles.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { createQueryClient } from './bridge-client.ts';
import { ErrorBoundary } from './error-boundary.tsx';
import { locale, t } from './i18n.ts';

document.documentElement.lang = locale;
document.title = t.appName;

const root = document.getElementById('root');
if (!root) throw new Error('The renderer page has no #root element.');

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <QueryClientProvider client={createQueryClient()}>
        <App />
      </QueryClientProvider>
    </ErrorBoundary>
  </StrictMode>,
);
