import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { SignedInNav } from '../../../src/auth/signed-in-nav.tsx';
import { currentUser } from '../../../src/server/auth.ts';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect('/login?next=/admin');
  return (
    <>
      <SignedInNav label="Admin" email={user.email}>
        <Link href="/admin">Products</Link>
        <Link href="/admin/mercadolivre">Mercado Livre</Link>
        <Link href="/admin/stores/new">New store</Link>
        {user.platformRole === 'SUPER_ADMIN' ? <Link href="/platform/tenants">Platform</Link> : null}
      </SignedInNav>
      {children}
    </>
  );
}
