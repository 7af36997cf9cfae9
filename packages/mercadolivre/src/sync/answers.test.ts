import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantClient } from '@vitrine/db';
import { createMlFixture, type MlFixture } from '../test-support/fixture.ts';
import { sendAnswer } from './answers.ts';

/** An answer reaches ML exactly once, and ML's refusals come back to the seller as sentences. */
describe('sending answers', () => {
  let f: MlFixture;
  let tenantId: string;
  let tdb: TenantClient;
  let accountId: string;
  let sellerId: number;

  beforeAll(async () => {
    f = await createMlFixture('answers');
    ({ sellerId, tenantId, accountId, tdb } = await f.connectedSeller({ nickname: 'ANSWERING_SELLER', items: 3, orders: 2, questions: 2, seed: 31 }));
  }, 60_000);
  afterAll(async () => {
    await f?.close();
  });

  const ask = () => f.sandbox.mutate.askQuestion(sellerId, { text: `Pergunta ${randomUUID().slice(0, 8)}?` });
  const pending = (questionId: number, text: string) =>
    tdb.mlAnswer.create({ data: { tenantId, accountId, mlQuestionId: BigInt(questionId), text, idempotencyKey: randomUUID() } });
  const send = (answerId: string, lastAttempt = false) =>
    sendAnswer({ tenantDb: tdb, answerId, clientFor: (a) => f.services.clientFor(tdb, a), lastAttempt });
  const answerPosts = () => f.sandbox.stats().calls['POST /answers'] ?? 0;

  it('posts once; the job run again (or twice at once) posts nothing more', async () => {
    const question = ask();
    const answer = await pending(question.id, 'Sim, temos em estoque.');
    const before = answerPosts();
    const results = await Promise.all([send(answer.id), send(answer.id)]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['sent', 'skipped']);
    expect(await send(answer.id)).toEqual({ outcome: 'skipped' });
    expect(answerPosts() - before).toBe(1);
    expect(await tdb.mlAnswer.findUniqueOrThrow({ where: { id: answer.id } })).toMatchObject({ status: 'SENT' });
    expect(await tdb.mlQuestion.findFirstOrThrow({ where: { mlQuestionId: BigInt(question.id) } })).toMatchObject({ status: 'ANSWERED', answerText: 'Sim, temos em estoque.' });
  });

  it('a post whose reply was lost is recognised on the retry and not posted again', async () => {
    const question = ask();
    const answer = await pending(question.id, 'Enviamos amanhã.');
    // ML took our answer, but our side never heard back.
    f.sandbox.mutate.answerQuestion(question.id, 'Enviamos amanhã.');
    const before = answerPosts();
    expect(await send(answer.id)).toEqual({ outcome: 'sent' });
    expect(answerPosts() - before).toBe(0);
  });

  it('already answered elsewhere, deleted, or refused by ML: refused with the reason', async () => {
    const answeredElsewhere = ask();
    f.sandbox.mutate.answerQuestion(answeredElsewhere.id, 'Respondido pelo celular.');
    const a = await pending(answeredElsewhere.id, 'Minha resposta');
    expect(await send(a.id)).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/already answered/) });

    const deleted = ask();
    f.sandbox.mutate.deleteQuestion(deleted.id);
    const b = await pending(deleted.id, 'Tarde demais');
    expect(await send(b.id)).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/deleted/) });

    const long = ask();
    const c = await pending(long.id, 'x'.repeat(2_001));
    expect(await send(c.id)).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/2000 characters/) });
    expect(await tdb.mlAnswer.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: 'REFUSED' });
  });

  it('ML unreachable: retried, and on the last attempt refused with a reason, never posted twice', async () => {
    const question = ask();
    const answer = await pending(question.id, 'Tentativa');
    f.sandbox.control.failNext({ status: 503, count: 1_000, pathPrefix: '/answers' });
    try {
      await expect(send(answer.id)).rejects.toThrow();
      expect(await tdb.mlAnswer.findUniqueOrThrow({ where: { id: answer.id } })).toMatchObject({ status: 'PENDING' });
      expect(await send(answer.id, true)).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/could not be reached/) });
    } finally {
      f.sandbox.control.clearFaults();
    }
  }, 30_000);
});
