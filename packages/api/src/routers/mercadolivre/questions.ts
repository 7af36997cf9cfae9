import type { MlAnswer, MlQuestion, Prisma, TenantDb } from '@vitrine/db';
import { notFound } from '../../errors.ts';
import { decodeCursor } from '../../lib/keyset.ts';
import type { TenantContext } from '../../trpc.ts';
import type { IdInput, QuestionsInput, UnansweredQueueInput } from './inputs.ts';
import { findAccount, idText, numericId, pageBy, QUESTION_NOT_FOUND } from './shared.ts';

const ITEM_MATCHES = 200;

/** Item titles for a set of questions, keyed by account and ML item id. */
async function itemTitles(tdb: TenantDb, questions: Pick<MlQuestion, 'accountId' | 'mlItemId'>[]) {
  const ids = [...new Set(questions.map((q) => q.mlItemId))];
  if (ids.length === 0) return new Map<string, string>();
  const items = await tdb.mlItem.findMany({ where: { mlItemId: { in: ids } }, select: { accountId: true, mlItemId: true, title: true } });
  return new Map(items.map((i) => [`${i.accountId}:${i.mlItemId}`, i.title]));
}

function questionRow(q: MlQuestion, titles: Map<string, string>) {
  return {
    id: q.id,
    accountId: q.accountId,
    mlQuestionId: idText(q.mlQuestionId),
    mlItemId: q.mlItemId,
    itemTitle: titles.get(`${q.accountId}:${q.mlItemId}`) ?? null,
    buyerId: idText(q.buyerId),
    text: q.text,
    status: q.status,
    dateCreated: q.dateCreated,
    answerText: q.answerText,
    answeredAt: q.answeredAt,
  };
}

/** Questions newest first, keyset-paged; the search matches the text, the question number, the item id or title. */
export async function listQuestions(ctx: TenantContext, input: QuestionsInput) {
  if (input.accountId) await findAccount(ctx, input.accountId);
  const position = decodeCursor(input.cursor);
  const filters: Prisma.MlQuestionWhereInput[] = [];
  if (position) {
    filters.push({ dateCreated: { lte: position.createdAt }, OR: [{ dateCreated: { lt: position.createdAt } }, { id: { lt: position.id } }] });
  }
  if (input.accountId) filters.push({ accountId: input.accountId });
  if (input.status) filters.push({ status: input.status });
  if (input.q) {
    const number = numericId(input.q);
    const items = await ctx.tdb.mlItem.findMany({
      where: { title: { contains: input.q, mode: 'insensitive' }, ...(input.accountId ? { accountId: input.accountId } : {}) },
      select: { mlItemId: true },
      take: ITEM_MATCHES,
    });
    filters.push({
      OR: [
        { text: { contains: input.q, mode: 'insensitive' } },
        { mlItemId: { equals: input.q, mode: 'insensitive' } },
        ...(number !== null ? [{ mlQuestionId: number }] : []),
        ...(items.length ? [{ mlItemId: { in: items.map((i) => i.mlItemId) } }] : []),
      ],
    });
  }
  const rows = await ctx.tdb.mlQuestion.findMany({ where: { AND: filters }, orderBy: [{ dateCreated: 'desc' }, { id: 'desc' }], take: input.limit + 1 });
  const page = pageBy(rows, input.limit, (r) => r.dateCreated);
  const titles = await itemTitles(ctx.tdb, page.items);
  return { items: page.items.map((q) => questionRow(q, titles)), nextCursor: page.nextCursor };
}

const answerView = (a: Pick<MlAnswer, 'id' | 'text' | 'status' | 'refusalReason' | 'createdAt' | 'sentAt' | 'createdByUserId'>) => ({
  id: a.id,
  text: a.text,
  status: a.status,
  refusalReason: a.refusalReason,
  createdByUserId: a.createdByUserId,
  createdAt: a.createdAt,
  sentAt: a.sentAt,
});

/** A question with its item, every answer we tried (with ML's refusals) and the same buyer's earlier questions. */
export async function getQuestion(ctx: TenantContext, input: IdInput) {
  const question = await ctx.tdb.mlQuestion.findFirst({ where: { id: input.id } });
  if (!question) throw notFound(QUESTION_NOT_FOUND);
  const [item, answers, previous] = await Promise.all([
    ctx.tdb.mlItem.findFirst({ where: { accountId: question.accountId, mlItemId: question.mlItemId } }),
    ctx.tdb.mlAnswer.findMany({ where: { accountId: question.accountId, mlQuestionId: question.mlQuestionId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    ctx.tdb.mlQuestion.findMany({
      where: { accountId: question.accountId, buyerId: question.buyerId, id: { not: question.id }, dateCreated: { lte: question.dateCreated } },
      orderBy: [{ dateCreated: 'desc' }, { id: 'desc' }],
      take: 20,
    }),
  ]);
  const titles = await itemTitles(ctx.tdb, previous);
  return {
    ...questionRow(question, new Map(item ? [[`${item.accountId}:${item.mlItemId}`, item.title]] : [])),
    item: item && {
      id: item.id,
      mlItemId: item.mlItemId,
      title: item.title,
      priceMinor: idText(item.priceMinor),
      currency: item.currency,
      availableQuantity: item.availableQuantity,
      status: item.status,
      permalink: item.permalink,
      thumbnail: item.thumbnail,
    },
    answers: answers.map(answerView),
    previousQuestions: previous.map((q) => questionRow(q, titles)),
  };
}

/** UNANSWERED questions oldest first (the one waiting longest comes up first), with any answer still being sent. */
export async function unansweredQueue(ctx: TenantContext, input: UnansweredQueueInput) {
  if (input.accountId) await findAccount(ctx, input.accountId);
  const questions = await ctx.tdb.mlQuestion.findMany({
    where: { status: 'UNANSWERED', ...(input.accountId ? { accountId: input.accountId } : {}) },
    orderBy: [{ dateCreated: 'asc' }, { id: 'asc' }],
    take: input.limit,
  });
  const [titles, pending] = await Promise.all([
    itemTitles(ctx.tdb, questions),
    questions.length
      ? ctx.tdb.mlAnswer.findMany({ where: { status: 'PENDING', mlQuestionId: { in: questions.map((q) => q.mlQuestionId) } }, orderBy: { createdAt: 'desc' } })
      : Promise.resolve([]),
  ]);
  return questions.map((q) => {
    const answer = pending.find((a) => a.accountId === q.accountId && a.mlQuestionId === q.mlQuestionId);
    return { ...questionRow(q, titles), pendingAnswer: answer ? answerView(answer) : null };
  });
}
