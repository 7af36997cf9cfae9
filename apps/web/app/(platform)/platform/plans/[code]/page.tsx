import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Card, PageHeader } from '@vitrine/ui';
import { InlineActionForm } from '../../../../../src/forms/inline-action-form.tsx';
import { platformCatalogueMessages } from '../../../../../src/i18n/messages/platform-catalogue.ts';
import { requestLocale } from '../../../../../src/i18n/request-locale.ts';
import { load } from '../../../../../src/mercadolivre/load.ts';
import { currentUser } from '../../../../../src/server/auth.ts';
import { serverCaller } from '../../../../../src/server/caller.ts';
import { retirePlanAction, updatePlanAction } from '../actions.ts';
import { moduleNames } from '../module-names.ts';
import { PlanForm } from '../plan-form.tsx';

export const metadata = { title: 'Plan · Vitrine platform' };

export default async function PlatformPlanPage({ params }: { params: Promise<{ code: string }> }) {
  const user = await currentUser();
  if (!user) redirect('/login?next=/platform/plans');
  if (user.platformRole !== 'SUPER_ADMIN') notFound();
  const { code } = await params;
  const locale = await requestLocale();
  const t = platformCatalogueMessages[locale];
  const plan = await load(async () => (await serverCaller()).platformPlans.get({ code: decodeURIComponent(code) }));
  if (plan.error !== null) notFound();
  const p = plan.data;
  return (
    <main className="v-page">
      <PageHeader title={`${p.name} (${p.code})`} description={`${t.stores}: ${p.tenants}`} actions={<Link href="/platform/plans">{t.back}</Link>} />
      <Card>
        <PlanForm
          locale={locale}
          action={updatePlanAction}
          modules={moduleNames()}
          plan={{ ...p, limits: (p.limits ?? {}) as Record<string, number | null> }}
        />
      </Card>
      <Card>
        <h2 style={{ marginTop: 0 }}>{t.retire}</h2>
        <p>{t.retireHelp}</p>
        <InlineActionForm action={retirePlanAction} label={t.retire} variant="danger" hidden={{ code: p.code }} />
      </Card>
    </main>
  );
}
