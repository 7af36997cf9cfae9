import type { ReactNode } from 'react';
import { baseCss } from '@vitrine/ui';
import { Providers } from '../src/trpc/client.tsx';

// Every page depends on the request (host, session), and nothing may read secrets at build time.
export const dynamic = 'force-dynamic';

export const metadata = { title: 'Vitrine', description: 'Your online store, ready in minutes.' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <style dangerouslySetInnerHTML={{ __html: baseCss }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
