import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Badge, EmptyState, PageHeader, Table } from '@vitrine/ui';
import { QUESTION_STATUSES } from '@vitrine/mercadolivre/schemas';
import { adminCaller } from '../../../../../src/admin/active-tenant.ts';
import { mercadolivreMessages } from '../../../../../src/i18n/messages/mercadolivre.ts';
import { messagesFor, requestLocale } from '../../../../../src/i18n/request-locale.ts';
import { currentUser } from '../../../../../src/server/auth.ts';
import { FilterForm, PagingLinks, SearchField, SelectField } from '../../../../../src/forms/filter-fields.tsx';
import { pickOne } from '../../../../../src/mercadolivre/filters.ts';
import { formatDateTime } from '../../../../../src/mercadolivre/format.ts';
import { load } from '../../../../../src/mercadolivre/load.ts';
import { LoadError, MlNav } from '../../../../../src/mercadolivre/nav.tsx';

export async function generateMetadata() {
  return { title: (await messagesFor(mercadolivreMessages)).metaQuestions };
}

type Params = { status?: string; q?: string; accountId?: string; cursor?: string };

export default async function MlQuestionsPage({ searchParams }: { searchParams: Promise<Params> }) {
  if (!(await currentUser())) redirect('/login?next=/admin/mercadolivre/questions');
  const params = await searchParams;
  const locale = await requestLocale();
  const t = mercadolivreMessages[locale];
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
        title={t.questionsTitle}
        description={t.questionsDescription}
        actions={
          <Link className="v-button" href="/admin/mercadolivre/questions/queue">
            {t.answerUnanswered}
          </Link>
        }
      />
      <MlNav current="questions" />
      <FilterForm action="/admin/mercadolivre/questions" submitLabel={t.filterSubmit}>
        <SearchField value={q} placeholder={t.questionsSearch} label={t.filterSearch} />
        <SelectField name="status" label={t.filterStatus} value={status} allLabel={t.filterAll} options={QUESTION_STATUSES.map((s) => ({ value: s, label: t.status(s) }))} />
        {accountNames.size > 1 ? <SelectField name="accountId" label={t.filterAccount} value={accountId} allLabel={t.filterAll} options={[...accountNames].map(([value, label]) => ({ value, label }))} /> : null}
      </FilterForm>
      {page.error !== null ? (
        <LoadError message={page.error} />
      ) : page.data.items.length === 0 ? (
        <EmptyState title={filtered ? t.noQuestionsMatch : t.noQuestionsYet}>
          {filtered ? t.noQuestionsMatchBody : t.noQuestionsYetBody}
        </EmptyState>
      ) : (
        <Table data-testid="ml-questions">
          <thead>
            <tr>
              <th>{t.colQuestion}</th>
              <th>{t.colItem}</th>
              <th>{t.colAsked}</th>
              <th>{t.colStatus}</th>
              <th>{t.colAnswer}</th>
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((question) => (
              <tr key={question.id}>
                <td style={{ maxWidth: 340 }}>{question.text}</td>
                <td>{question.itemTitle ?? question.mlItemId}</td>
                <td>{formatDateTime(question.dateCreated, locale)}</td>
                <td>
                  <Badge tone={question.status === 'ANSWERED' ? 'success' : question.status === 'UNANSWERED' ? 'warning' : 'neutral'}>{t.status(question.status)}</Badge>
                </td>
                <td style={{ maxWidth: 280 }}>{question.answerText ?? (question.status === 'UNANSWERED' ? <Link href={`/admin/mercadolivre/questions/queue?start=${question.id}`}>{t.answerLink}</Link> : '—')}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <PagingLinks path="/admin/mercadolivre/questions" filters={filters} cursor={params.cursor} nextCursor={page.data?.nextCursor} labels={{ first: t.firstPage, next: t.nextPage }} />
    </main>
  );
}
