import type { ReactNode } from 'react';
import Link from 'next/link';
import { Button } from '@vitrine/ui';
import { messagesFor } from '../i18n/request-locale.ts';
import { accountMessages } from '../i18n/messages/account.ts';
import { authMessages } from '../i18n/messages/auth.ts';
import { LanguageSwitcher } from '../i18n/language-switcher.tsx';
import { signOutAction } from './actions.ts';

/** The top bar of signed-in areas: the area's links, then who is signed in (with their account security) and a sign-out button. */
export async function SignedInNav({ label, email, children }: { label: string; email: string; children: ReactNode }) {
  const [account, auth] = await Promise.all([messagesFor(accountMessages), messagesFor(authMessages)]);
  return (
    <nav className="v-page" aria-label={label} style={{ display: 'flex', gap: 16, alignItems: 'center', paddingBottom: 0 }}>
      {children}
      <span style={{ marginLeft: 'auto' }}>{email}</span>
      <Link href="/admin/account/security">{account.navSecurity}</Link>
      <form action={signOutAction}>
        <Button type="submit" variant="secondary">
          {auth.signOut}
        </Button>
      </form>
      <LanguageSwitcher />
    </nav>
  );
}
