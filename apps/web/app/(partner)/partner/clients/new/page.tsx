import { notFound } from 'next/navigation';
import { Card, PageHeader } from '@vitrine/ui';
import { partnerMessages } from '../../../../../src/i18n/messages/partners.ts';
import { messagesFor, requestLocale } from '../../../../../src/i18n/request-locale.ts';
import { getEnv } from '../../../../../src/server/env.ts';
import { CreateClientForm } from '../../forms.tsx';
import { requirePartner } from '../../load.ts';

export const metadata = { title: 'New client store' };

export default async function NewClientPage() {
  const { partner } = await requirePartner('/partner/clients/new');
  if (partner.role !== 'PARTNER_ADMIN') notFound();
  const [t, locale] = await Promise.all([messagesFor(partnerMessages), requestLocale()]);
  return (
    <main className="v-page" style={{ maxWidth: 640 }}>
      <PageHeader title={t.createTitle} description={t.createDescription} />
      <Card>
        {partner.plans.length === 0 ? (
          <p role="status">{t.noPlans}</p>
        ) : (
          <CreateClientForm locale={locale} plans={partner.plans} platformDomain={getEnv().PLATFORM_DOMAIN} />
        )}
      </Card>
    </main>
  );
}
