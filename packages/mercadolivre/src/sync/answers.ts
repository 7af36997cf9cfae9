import { Prisma, type MlAccount, type TenantClient } from '@vitrine/db';
import type { MlClient } from '../client/client.ts';
import { MlBadRequestError, MlForbiddenError, MlNotFoundError } from '../errors.ts';
import { ANSWER_MAX_LENGTH, type MlQuestion } from '../schemas.ts';
import { upsertQuestions } from '../store/upserts.ts';

export interface SendAnswerOptions {
  tenantDb: TenantClient;
  answerId: string;
  clientFor: (account: MlAccount) => MlClient;
  /** On the job's last attempt an unreachable ML refuses the answer (with that reason) instead of retrying. */
  lastAttempt: boolean;
}

export type SendAnswerOutcome = { outcome: 'sent' | 'skipped' } | { outcome: 'refused'; reason: string };

const DELETED = 'The question was deleted (by the buyer or by Mercado Livre), so it can no longer be answered.';
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Posts one ml_answers row to ML, exactly once. The row is locked for the whole exchange, so a second
 * job for the same answer waits and then finds it settled. Before posting, and after any refusal, the
 * question is read: if it already carries our text (a previous try posted it and then lost the
 * answer), the row is marked sent instead of posting again.
 */
export async function sendAnswer(options: SendAnswerOptions): Promise<SendAnswerOutcome> {
  const { tenantDb, answerId } = options;
  return tenantDb.$scoped(async (tx) => {
    const [answer] = await tx.$queryRaw<{ id: string; account_id: string; ml_question_id: bigint; text: string; status: string }[]>(Prisma.sql`
      SELECT id, account_id, ml_question_id, text, status FROM ml_answers WHERE id = ${answerId} FOR UPDATE`);
    if (!answer || answer.status !== 'PENDING') return { outcome: 'skipped' } as const;

    const refuse = async (reason: string): Promise<SendAnswerOutcome> => {
      await tx.mlAnswer.update({ where: { id: answerId }, data: { status: 'REFUSED', refusalReason: reason } });
      return { outcome: 'refused', reason };
    };
    const sent = async (question: MlQuestion | null): Promise<SendAnswerOutcome> => {
      await tx.mlAnswer.update({ where: { id: answerId }, data: { status: 'SENT', sentAt: new Date(), refusalReason: null } });
      if (question) await upsertQuestions(tx, answer.account_id, [question]);
      return { outcome: 'sent' };
    };

    const account = await tx.mlAccount.findUnique({ where: { id: answer.account_id } });
    if (account?.status !== 'ACTIVE') return refuse('The Mercado Livre account is not connected. Connect it again, then answer again.');
    if (answer.text.length > ANSWER_MAX_LENGTH) return refuse(`The answer is longer than Mercado Livre's ${ANSWER_MAX_LENGTH} characters.`);
    const client = options.clientFor(account);

    /** Settled by what ML shows now: ours (sent), someone else's (refused), or null when still open. */
    const settleByQuestion = async (): Promise<SendAnswerOutcome | null> => {
      let question: MlQuestion;
      try {
        question = await client.getQuestion(answer.ml_question_id);
      } catch (error) {
        if (error instanceof MlNotFoundError) return refuse(DELETED);
        throw error;
      }
      if (question.status === 'DELETED') return refuse(DELETED);
      if (!question.answer) {
        if (question.status !== 'UNANSWERED') return refuse(`Mercado Livre no longer accepts answers to this question (${question.status.toLowerCase().replace(/_/g, ' ')}).`);
        return null;
      }
      if (normalize(question.answer.text) === normalize(answer.text)) return sent(question);
      await upsertQuestions(tx, answer.account_id, [question]);
      return refuse('The question was already answered elsewhere; this answer was not sent.');
    };

    const before = await settleByQuestion();
    if (before) return before;
    try {
      await client.answerQuestion(answer.ml_question_id, answer.text);
    } catch (error) {
      if (error instanceof MlNotFoundError) return refuse(DELETED);
      if (error instanceof MlBadRequestError || error instanceof MlForbiddenError) {
        // "Already answered" may be our own earlier post whose reply was lost: look before refusing.
        const after = await settleByQuestion();
        return after ?? refuse(`Mercado Livre refused the answer: ${error.message}`);
      }
      if (options.lastAttempt) {
        const after = await settleByQuestion().catch(() => null);
        return after ?? refuse('Mercado Livre could not be reached after several tries; the answer was not sent. Try again.');
      }
      throw error;
    }
    const question = await client.getQuestion(answer.ml_question_id).catch(() => null);
    return sent(question);
  }, { timeout: 120_000, maxWait: 10_000 });
}
