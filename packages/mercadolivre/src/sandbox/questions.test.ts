import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, questionSchema, questionSearchSchema } from '../schemas.ts';
import type { Sandbox } from './index.ts';
import { call, expectShape, startTestSandbox } from './test-support.ts';

let sandbox: Sandbox;
let seller: number;
let token: string;
let otherToken: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  seller = sandbox.generateSeller({ nickname: 'LOJA_PERGUNTAS', items: 20, orders: 10, questions: 240, seed: 5 }).id;
  otherToken = sandbox.issueTokens(sandbox.generateSeller({ nickname: 'LOJA_B', items: 2, orders: 1, questions: 3, seed: 6 }).id).access_token;
  token = sandbox.issueTokens(seller).access_token;
});
afterAll(() => sandbox.close());

const search = async (query: string, as = token) => call(sandbox, `/questions/search?seller_id=${seller}&api_version=4&${query}`, { token: as });

async function unanswered(): Promise<number> {
  const page = expectShape(questionSearchSchema, (await search('status=UNANSWERED&limit=1')).body);
  return page.questions[0]!.id;
}

describe('GET /questions/search', () => {
  it('answers the api_version=4 shape and pages through every question', async () => {
    const first = await search('limit=50');
    const page = expectShape(questionSearchSchema, first.body);
    expect(page).toMatchObject({ total: sandbox.counts(seller).questions, limit: 50, filters: { limit: 50, offset: 0, api_version: '4' } });
    expect(first.body).toHaveProperty('available_sorts');
    const ids = new Set<number>();
    for (let offset = 0; offset < page.total; offset += 50) {
      for (const q of expectShape(questionSearchSchema, (await search(`limit=50&offset=${offset}`)).body).questions) ids.add(q.id);
    }
    expect(ids.size).toBe(page.total);
  });

  it('filters by status and item, sorts by date_created in both directions', async () => {
    const open = expectShape(questionSearchSchema, (await search('status=UNANSWERED&limit=50')).body);
    expect(open.total).toBe(sandbox.counts(seller).unansweredQuestions);
    expect(open.questions.every((q) => q.status === 'UNANSWERED' && q.answer == null)).toBe(true);
    const asc = expectShape(questionSearchSchema, (await search('sort_fields=date_created&sort_types=ASC&limit=20')).body).questions;
    const ascDates = asc.map((q) => Date.parse(q.date_created));
    expect(ascDates).toEqual([...ascDates].sort((a, b) => a - b));
    const desc = expectShape(questionSearchSchema, (await search('limit=20')).body).questions;
    const descDates = desc.map((q) => Date.parse(q.date_created));
    expect(descDates).toEqual([...descDates].sort((a, b) => b - a));
    const item = asc[0]!.item_id;
    const byItem = expectShape(questionSearchSchema, (await call(sandbox, `/questions/search?item=${item}&api_version=4`, { token })).body);
    expect(byItem.questions.every((q) => q.item_id === item)).toBe(true);
  });

  it('refuses a limit over the maximum, an unknown status, and another seller', async () => {
    expect((await search('limit=51')).status).toBe(400);
    expect((await search('status=OPEN')).status).toBe(400);
    expect((await search('', otherToken)).status).toBe(403);
  });
});

describe('POST /answers', () => {
  it('stores the answer, marks the question ANSWERED and bumps last_updated', async () => {
    const id = await unanswered();
    const before = expectShape(questionSchema, (await call(sandbox, `/questions/${id}`, { token })).body);
    const response = await call(sandbox, '/answers', { token, json: { question_id: id, text: 'Olá! Temos sim.' } });
    expect(response.status).toBe(200);
    const after = expectShape(questionSchema, (await call(sandbox, `/questions/${id}`, { token })).body);
    expect(after).toMatchObject({ status: 'ANSWERED', answer: { text: 'Olá! Temos sim.', status: 'ACTIVE' } });
    expect(Date.parse(after.last_updated!)).toBeGreaterThan(Date.parse(before.last_updated!));
    const again = await call(sandbox, '/answers', { token, json: { question_id: id, text: 'de novo' } });
    expect(again.status).toBe(400);
    expect(expectShape(errorBodySchema, again.body).message).toContain('already answered');
  });

  it('rejects a non-integer question_id, extra fields, text over 2000 characters, bad JSON', async () => {
    const id = await unanswered();
    expect((await call(sandbox, '/answers', { token, json: { question_id: String(id), text: 'x' } })).body).toMatchObject({ error: 'invalid_question', status: 400 });
    expect((await call(sandbox, '/answers', { token, json: { question_id: 1.5, text: 'x' } })).body).toMatchObject({ error: 'invalid_question' });
    const extra = await call(sandbox, '/answers', { token, json: { question_id: id, text: 'x', seller_id: seller } });
    expect(extra.body).toMatchObject({ error: 'invalid_post_body', status: 400 });
    expect(expectShape(errorBodySchema, extra.body).message).toContain('question_id, text');
    const long = await call(sandbox, '/answers', { token, json: { question_id: id, text: 'a'.repeat(2_001) } });
    expect(long.status).toBe(400);
    expect((await call(sandbox, '/answers', { token, json: { question_id: id, text: 'a'.repeat(2_000) } })).status).toBe(200);
    expect((await call(sandbox, '/answers', { token, json: '{"question_id":' })).body).toMatchObject({ error: 'invalid_post_body' });
  });

  it('answers 404 for a deleted question and 403 for another seller\'s question', async () => {
    const id = await unanswered();
    expect((await call(sandbox, '/answers', { token: otherToken, json: { question_id: id, text: 'x' } })).status).toBe(403);
    sandbox.mutate.deleteQuestion(id);
    expect((await call(sandbox, '/answers', { token, json: { question_id: id, text: 'x' } })).status).toBe(404);
    expect((await call(sandbox, `/questions/${id}`, { token })).status).toBe(404);
  });

  it('sees questions asked and answered elsewhere', async () => {
    const before = sandbox.counts(seller);
    const asked = sandbox.mutate.askQuestion(seller, { text: 'Tem garantia?' });
    expect(sandbox.counts(seller)).toMatchObject({ questions: before.questions + 1, unansweredQuestions: before.unansweredQuestions + 1 });
    expect(expectShape(questionSearchSchema, (await search('limit=1')).body).questions[0]!.id).toBe(asked.id);
    sandbox.mutate.answerQuestion(asked.id, 'Sim, 90 dias.');
    expect(expectShape(questionSchema, (await call(sandbox, `/questions/${asked.id}`, { token })).body).status).toBe('ANSWERED');
    expect(() => sandbox.mutate.answerQuestion(asked.id, 'de novo')).toThrow(/already answered/);
  });
});
