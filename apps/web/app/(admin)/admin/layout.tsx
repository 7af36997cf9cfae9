import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { Button } from '@vitrine/ui';
import { signOutAction } from '../../../src/auth/actions.ts';
import { currentUser } from '../../../src/server/auth.ts';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect('/login?next=/admin');
  return (
    <>
      <nav className="v-page" aria-label="Admin" style={{ display: 'flex', gap: 16, alignItems: 'center', paddingBottom: 0 }}>
        <Link href="/admin">Products</Link>
        <Link href="/admin/mercadolivre">Mercado Livre</Link>
        <Link href="/admin/stores/new">New store</Link>
        {user.platformRole === 'SUPER_ADMIN' ? <Link href="/platform/tenants">Platform</Link> : null}
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
