import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Badge, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { QUESTION_STATUSES } from '@vitrine/mercadolivre/schemas';
import { adminCaller } from '../../../../../src/admin/active-tenant.ts';
import { currentUser } from '../../../../../src/server/auth.ts';
import { FilterForm, PagingLinks, SearchField, SelectField } from '../../../../../src/forms/filter-fields.tsx';
import { pickOne } from '../../../../../src/mercadolivre/filters.ts';
import { formatDateTime, humanize } from '../../../../../src/mercadolivre/format.ts';
import { load } from '../../../../../src/mercadolivre/load.ts';
import { LoadError, MlNav } from '../../../../../src/mercadolivre/nav.tsx';

export const metadata = { title: 'Mercado Livre questions · Vitrine' };

type Params = { status?: string; q?: string; accountId?: string; cursor?: string };

export default async function MlQuestionsPage({ searchParams }: { searchParams: Promise<Params> }) {
  if (!(await currentUser())) redirect('/login?next=/admin/mercadolivre/questions');
  const params = await searchParams;
  const { caller } = await adminCaller();
  if (!caller) redirect('/admin');

  const status = pickOne(params.status, QUESTION_STATUSES);
  const q = params.q?.trim() || undefined;
  const accountId = params.accountId || undefined;
  const filters = { status, q, accountId };
  const filtered = Boolean(status || q);
  const [page, accounts] = await Promise.all([
    load(() => caller.mercadolivre.questions({ status, q, accountId, cursor: params.cursor, limit: 25 })),
    load(() => caller.mercadolivre.accounts()),
  ]);
  const accountNames = new Map((accounts.data ?? []).map((a) => [a.id, a.nickname]));

  return (
    <main className="v-page">
      <PageHeader
        title="Mercado Livre questions"
        description="Buyers' questions on your listings, newest first."
        actions={
          <Link className="v-button" href="/admin/mercadolivre/questions/queue">
            Answer unanswered questions
          </Link>
        }
      />
      <MlNav current="questions" />
      <FilterForm action="/admin/mercadolivre/questions">
        <SearchField value={q} placeholder="Question text or item" />
        <SelectField name="status" label="Status" value={status} options={QUESTION_STATUSES.map((s) => ({ value: s, label: humanize(s) }))} />
        {accountNames.size > 1 ? <SelectField name="accountId" label="Account" value={accountId} options={[...accountNames].map(([value, label]) => ({ value, label }))} /> : null}
      </FilterForm>
      {page.error !== null ? (
        <LoadError message={page.error} />
      ) : page.data.items.length === 0 ? (
        <EmptyState title={filtered ? 'No questions match' : 'No questions yet'}>
          {filtered ? 'Try another search or status.' : 'Questions appear here once an account is connected and synced.'}
        </EmptyState>
      ) : (
        <Table data-testid="ml-questions">
          <thead>
            <tr>
              <th>Question</th>
              <th>Item</th>
              <th>Asked</th>
              <th>Status</th>
              <th>Answer</th>
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((question) => (
              <tr key={question.id}>
                <td style={{ maxWidth: 340 }}>{question.text}</td>
                <td>{question.itemTitle ?? question.mlItemId}</td>
                <td>{formatDateTime(question.dateCreated)}</td>
                <td>
                  <Badge tone={question.status === 'ANSWERED' ? 'success' : question.status === 'UNANSWERED' ? 'warning' : 'neutral'}>{humanize(question.status)}</Badge>
                </td>
                <td style={{ maxWidth: 280 }}>{question.answerText ?? (question.status === 'UNANSWERED' ? <Link href={`/admin/mercadolivre/questions/queue?start=${question.id}`}>Answer</Link> : '—')}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <PagingLinks path="/admin/mercadolivre/questions" filters={filters} cursor={params.cursor} nextCursor={page.data?.nextCursor} />
    </main>
  );
}
