import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { Button } from '@vitrine/ui';
import { signOutAction } from '../../../src/auth/actions.ts';
import { currentUser } from '../../../src/server/auth.ts';

/** Platform staff only: everyone else gets the ordinary "not found" (the pages also check, as they render in parallel). */
export default async function PlatformLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect('/login?next=/platform/tenants');
  if (user.platformRole !== 'SUPER_ADMIN') notFound();
  return (
    <>
      <nav className="v-page" aria-label="Platform" style={{ display: 'flex', gap: 16, alignItems: 'center', paddingBottom: 0 }}>
        <Link href="/platform/tenants">Stores</Link>
        <Link href="/admin">Admin</Link>
        <span style={{ marginLeft: 'auto' }}>{user.email}</span>
        <form action={signOutAction}>
          <Button type="submit" variant="secondary">
            Sign out
          </Button>
        </form>
      </nav>
      {children}
    </>
  );
}
