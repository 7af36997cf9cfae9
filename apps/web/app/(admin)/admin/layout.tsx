import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { StoreAdminLinks } from '../../../src/admin/admin-links.tsx';
import { SignedInNav } from '../../../src/auth/signed-in-nav.tsx';
import { VerifyEmailBanner } from '../../../src/auth/verify-email-banner.tsx';
import { BillingBanner } from '../../../src/billing/billing-banner.tsx';
import { ImpersonationBanner } from '../../../src/platform/impersonation-banner.tsx';
import { currentUser } from '../../../src/server/auth.ts';
import { PartnerConsoleLink } from '../../../src/partners/console-link.tsx';
import { currentWhiteLabel, WhiteLabelHeader } from '../../../src/partners/white-label.tsx';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect('/login?next=/admin');
  const brand = await currentWhiteLabel();
  return (
    <>
      <ImpersonationBanner />
      <WhiteLabelHeader brand={brand} />
      <SignedInNav label="Admin" email={user.email}>
        <StoreAdminLinks />
        <Link href="/admin/setup">Setup</Link>
        <Link href="/admin/stores/new">New store</Link>
        <PartnerConsoleLink />
        {user.platformRole === 'SUPER_ADMIN' ? <Link href="/platform/tenants">Platform</Link> : null}
      </SignedInNav>
      <VerifyEmailBanner user={user} />
      <BillingBanner />
      {children}
    </>
  );
}
