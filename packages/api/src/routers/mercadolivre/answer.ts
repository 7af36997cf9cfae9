import { randomUUID } from 'node:crypto';
import { Prisma, type MlAnswerStatus } from '@vitrine/db';
import { enqueueInTransaction } from '@vitrine/queue';
import { audit, memberActor } from '../../audit.ts';
import { conflict, notFound, TRPCErrorWith } from '../../errors.ts';
import type { TenantContext } from '../../trpc.ts';
import type { AnswerInput } from './inputs.ts';
import { QUESTION_NOT_FOUND } from './shared.ts';

export const answerJobId = (answerId: string) => `ml-answer-${answerId}`;

/**
 * Queues an answer: one ml_answers row per idempotency key (a retried send returns the same row, never
 * a second answer), its 'answer.send' job written to the outbox in the same transaction.
 */
export async function answerQuestion(ctx: TenantContext, input: AnswerInput): Promise<{ answerId: string; status: MlAnswerStatus }> {
  const tenantId = ctx.tenant.id;
  return ctx.tdb.$scoped(async (tx) => {
    // Answers to one question are decided one at a time: two drafts sent together cannot both pass the
    // checks below, and a retried send waits for the first and then finds its row by key.
    await tx.$queryRaw(Prisma.sql`SELECT id FROM ml_questions WHERE id = ${input.questionId} FOR UPDATE`);
    const question = await tx.mlQuestion.findFirst({
      where: { id: input.questionId },
      select: { id: true, accountId: true, mlQuestionId: true, status: true, account: { select: { status: true } } },
    });
    if (!question) throw notFound(QUESTION_NOT_FOUND);

    const sameKey = await tx.mlAnswer.findUnique({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey: input.idempotencyKey } } });
    if (sameKey) return existing(sameKey, question);

    if (question.status !== 'UNANSWERED') {
      throw conflict('This question can no longer be answered: it was already answered, closed or deleted on Mercado Livre.');
    }
    if (question.account.status !== 'ACTIVE') {
      throw TRPCErrorWith('PRECONDITION_FAILED', 'Reconnect this Mercado Livre account before answering its questions.');
    }
    const inFlight = await tx.mlAnswer.findFirst({ where: { accountId: question.accountId, mlQuestionId: question.mlQuestionId, status: { in: ['PENDING', 'SENT'] } } });
    if (inFlight) throw conflict('An answer to this question is already being sent to Mercado Livre.');

    const id = `mlans_${randomUUID()}`;
    const inserted = await tx.$executeRaw(Prisma.sql`
      INSERT INTO ml_answers (id, tenant_id, account_id, ml_question_id, text, idempotency_key, created_by_user_id)
      VALUES (${id}, ${tenantId}, ${question.accountId}, ${question.mlQuestionId}, ${input.text}, ${input.idempotencyKey}, ${ctx.user.id})
      ON CONFLICT (tenant_id, idempotency_key) DO NOTHING`);
    if (inserted === 0) {
      // The same key committed by a concurrent request while we checked: that row is the answer.
      const row = await tx.mlAnswer.findUniqueOrThrow({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey: input.idempotencyKey } } });
      return existing(row, question);
    }
    await enqueueInTransaction(tx, { queue: 'mercadolivre', name: 'answer.send', payload: { tenantId, answerId: id }, jobId: answerJobId(id), tenantId });
    await audit(tx, memberActor(ctx), {
      tenantId,
      action: 'mercadolivre.question.answered',
      targetType: 'ml_question',
      targetId: question.id,
      data: { answerId: id, mlQuestionId: question.mlQuestionId.toString(), length: input.text.length },
    });
    return { answerId: id, status: 'PENDING' as const };
  });
}

function existing(row: { id: string; accountId: string; mlQuestionId: bigint; status: MlAnswerStatus }, question: { accountId: string; mlQuestionId: bigint }) {
  if (row.accountId !== question.accountId || row.mlQuestionId !== question.mlQuestionId) {
    throw conflict('This answer key was already used for another question. Write the answer again.');
  }
  return { answerId: row.id, status: row.status };
}
