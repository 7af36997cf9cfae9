import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignedInNav } from '../../../src/auth/signed-in-nav.tsx';
import { partnerMessages } from '../../../src/i18n/messages/partners.ts';
import { messagesFor } from '../../../src/i18n/request-locale.ts';
import { currentWhiteLabel, WhiteLabelHeader } from '../../../src/partners/white-label.tsx';
import { requirePartner } from './load.ts';

/** The partner console: members of a partner's team only; under the partner's brand. */
export default async function PartnerLayout({ children }: { children: ReactNode }) {
  const { user, partner } = await requirePartner('/partner');
  const [t, brand] = await Promise.all([messagesFor(partnerMessages), currentWhiteLabel()]);
  return (
    <>
      <WhiteLabelHeader brand={brand} />
      <SignedInNav label={t.consoleLabel} email={user.email}>
        <strong>{partner.name}</strong>
        <Link href="/partner">{t.clients}</Link>
        {partner.role === 'PARTNER_ADMIN' ? <Link href="/partner/clients/new">{t.newClient}</Link> : null}
        <Link href="/admin">{t.openAdmin}</Link>
      </SignedInNav>
      {children}
    </>
  );
}
