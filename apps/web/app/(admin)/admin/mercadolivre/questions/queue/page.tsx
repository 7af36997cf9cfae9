import { redirect } from 'next/navigation';
import { PageHeader } from '@vitrine/ui';
import { adminCaller } from '../../../../../../src/admin/active-tenant.ts';
import { mercadolivreMessages } from '../../../../../../src/i18n/messages/mercadolivre.ts';
import { messagesFor, requestLocale } from '../../../../../../src/i18n/request-locale.ts';
import { currentUser } from '../../../../../../src/server/auth.ts';
import { AnswerQueue } from '../../../../../../src/mercadolivre/answer-queue.tsx';
import { load } from '../../../../../../src/mercadolivre/load.ts';
import { LoadError, MlNav } from '../../../../../../src/mercadolivre/nav.tsx';

export async function generateMetadata() {
  return { title: (await messagesFor(mercadolivreMessages)).metaQueue };
}

export default async function MlQueuePage({ searchParams }: { searchParams: Promise<{ start?: string; accountId?: string }> }) {
  if (!(await currentUser())) redirect('/login?next=/admin/mercadolivre/questions/queue');
  const params = await searchParams;
  const locale = await requestLocale();
  const t = mercadolivreMessages[locale];
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  const queue = await load(() => caller.mercadolivre.unansweredQueue({ accountId: params.accountId || undefined, limit: 50 }));
  return (
    <main className="v-page">
      <PageHeader title={t.queueTitle} description={t.queueDescription} />
      <MlNav current="queue" />
      {queue.error !== null ? (
        <LoadError message={queue.error} />
      ) : (
        // The key restarts the queue when a refresh brings another list.
        <AnswerQueue key={queue.data.map((q) => q.id).join(',')} questionIds={queue.data.map((q) => q.id)} startAt={params.start} locale={locale} />
      )}
    </main>
  );
}
