import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { SignedInNav } from '../../../src/auth/signed-in-nav.tsx';
import { currentUser } from '../../../src/server/auth.ts';

/** Platform staff only: everyone else gets the ordinary "not found" (the pages also check, as they render in parallel). */
export default async function PlatformLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect('/login?next=/platform/tenants');
  if (user.platformRole !== 'SUPER_ADMIN') notFound();
  return (
    <>
      <SignedInNav label="Platform" email={user.email}>
        <Link href="/platform/tenants">Stores</Link>
        <Link href="/admin">Admin</Link>
      </SignedInNav>
      {children}
    </>
  );
}
