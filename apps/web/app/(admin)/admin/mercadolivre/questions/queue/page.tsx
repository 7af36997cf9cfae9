import { redirect } from 'next/navigation';
import { PageHeader } from '@vitrine/ui';
import { adminCaller } from '../../../../../../src/admin/active-tenant.ts';
import { currentUser } from '../../../../../../src/server/auth.ts';
import { AnswerQueue } from '../../../../../../src/mercadolivre/answer-queue.tsx';
import { load } from '../../../../../../src/mercadolivre/load.ts';
import { LoadError, MlNav } from '../../../../../../src/mercadolivre/nav.tsx';

export const metadata = { title: 'Unanswered questions · Vitrine' };

export default async function MlQueuePage({ searchParams }: { searchParams: Promise<{ start?: string; accountId?: string }> }) {
  if (!(await currentUser())) redirect('/login?next=/admin/mercadolivre/questions/queue');
  const params = await searchParams;
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');
  const queue = await load(() => caller.mercadolivre.unansweredQueue({ accountId: params.accountId || undefined, limit: 50 }));
  return (
    <main className="v-page">
      <PageHeader title="Unanswered questions" description="Oldest first, one at a time, with the item and the buyer's earlier questions beside it." />
      <MlNav current="queue" />
      {queue.error !== null ? (
        <LoadError message={queue.error} />
      ) : (
        // The key restarts the queue when a refresh brings another list.
        <AnswerQueue key={queue.data.map((q) => q.id).join(',')} questionIds={queue.data.map((q) => q.id)} startAt={params.start} />
      )}
    </main>
  );
}
