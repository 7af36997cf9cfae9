import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignedInNav } from '../../../src/auth/signed-in-nav.tsx';
import { requirePlatformStaff } from '../../../src/platform/staff.ts';

/** Platform staff with 2FA only: everyone else gets the ordinary "not found" (the pages also check, as they render in parallel). */
export default async function PlatformLayout({ children }: { children: ReactNode }) {
  const user = await requirePlatformStaff('/platform/tenants');
  return (
    <>
      <SignedInNav label="Platform" email={user.email}>
        <Link href="/platform/tenants">Stores</Link>
        <Link href="/platform/partners">Partners</Link>
        <Link href="/platform/support">Support</Link>
        <Link href="/platform/help">Help center</Link>
        <Link href="/platform/plans">Plans</Link>
        <Link href="/platform/themes">Themes</Link>
        <Link href="/platform/modules">Modules</Link>
        <Link href="/platform/stats">Stats</Link>
        <Link href="/admin">Admin</Link>
      </SignedInNav>
      {children}
    </>
  );
}
