import type { ReactNode } from 'react';
import { Button } from '@vitrine/ui';
import { signOutAction } from './actions.ts';

/** The top bar of signed-in areas: the area's links, then who is signed in and a sign-out button. */
export function SignedInNav({ label, email, children }: { label: string; email: string; children: ReactNode }) {
  return (
    <nav className="v-page" aria-label={label} style={{ display: 'flex', gap: 16, alignItems: 'center', paddingBottom: 0 }}>
      {children}
      <span style={{ marginLeft: 'auto' }}>{email}</span>
      <form action={signOutAction}>
        <Button type="submit" variant="secondary">
          Sign out
        </Button>
      </form>
    </nav>
  );
}
