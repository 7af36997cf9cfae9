import { QUESTION_STATUSES } from '../../schemas.ts';
import { requireCaller, type Route } from '../core.ts';
import { apiError, badRequest, intParam, json, numericId, readJson } from '../http.ts';
import type { QuestionRecord } from '../model.ts';
import { answerQuestion } from '../mutations.ts';

const KNOWN_STATUSES = new Set<string>(QUESTION_STATUSES);
const SORT_FIELDS = { item_id: 'item_id', from_id: 'from_id', date_created: 'date_created', seller_id: 'seller_id' } as const;
type SortField = keyof typeof SORT_FIELDS;

function compareBy(field: SortField, a: QuestionRecord, b: QuestionRecord): number {
  switch (field) {
    case 'item_id': return a.body.item_id < b.body.item_id ? -1 : a.body.item_id > b.body.item_id ? 1 : 0;
    case 'from_id': return a.body.from.id - b.body.from.id;
    case 'seller_id': return a.sellerId - b.sellerId;
    case 'date_created': return a.createdMs - b.createdMs;
  }
}

const searchQuestions: Route = {
  method: 'GET', path: '/questions/search', access: 'token',
  handle: (ctx, caller, core) => {
    const { seller: callerSeller } = requireCaller(caller);
    const query = ctx.query;
    const sellerParam = query.get('seller_id');
    const item = query.get('item') ?? query.get('item_id');
    if (!sellerParam && !item) throw badRequest('The parameter seller_id or item is required');
    let seller = callerSeller;
    if (sellerParam) {
      if (!/^\d+$/.test(sellerParam)) throw badRequest(`Invalid seller_id: ${sellerParam}`);
      if (Number(sellerParam) !== callerSeller.id) throw apiError(403, 'forbidden', 'seller_id does not match the access token');
    } else {
      const owner = core.store.items.get(item as string);
      if (!owner) throw apiError(404, 'not_found', `Item with id ${item} not found`);
      seller = core.store.seller(owner.sellerId) ?? callerSeller;
    }
    const statuses = (query.get('status') ?? '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
    for (const status of statuses) if (!KNOWN_STATUSES.has(status)) throw badRequest(`Invalid status: ${status}`);
    const fields = (query.get('sort_fields') ?? 'date_created').split(',').map((f) => f.trim()).filter(Boolean);
    for (const field of fields) if (!(field in SORT_FIELDS)) throw badRequest(`Invalid sort_fields: ${field}`);
    const sortType = (query.get('sort_types') ?? 'DESC').toUpperCase();
    if (sortType !== 'ASC' && sortType !== 'DESC') throw badRequest(`Invalid sort_types: ${sortType}`);
    const from = query.get('from');
    const max = core.options.pageLimits.questionsMax;
    const limit = intParam(query, 'limit', max, 1);
    if (limit > max) throw badRequest(`Invalid limit param: the maximum is ${max}`);
    const offset = intParam(query, 'offset', 0);

    const key = JSON.stringify(['questions', item, statuses.sort(), fields, sortType, from]);
    const results = core.store.cachedSearch<QuestionRecord>(seller, key, () => {
      const wanted = statuses.length > 0 ? new Set(statuses) : null;
      const matches = seller.questions.filter((record) => !record.deleted
        && (!wanted || wanted.has(record.body.status))
        && (!item || record.body.item_id === item)
        && (!from || String(record.body.from.id) === from));
      // seller.questions is already in (date_created, id) order: only other sort fields need a sort.
      if (fields.length !== 1 || fields[0] !== 'date_created') {
        matches.sort((a, b) => {
          for (const field of fields as SortField[]) {
            const diff = compareBy(field, a, b);
            if (diff !== 0) return diff;
          }
          return a.body.id - b.body.id;
        });
      }
      return sortType === 'DESC' ? matches.reverse() : matches;
    });

    const page: unknown[] = [];
    for (let i = offset; i < Math.min(offset + limit, results.length); i++) page.push((results[i] as QuestionRecord).body);
    return json({
      total: results.length,
      limit,
      questions: page,
      filters: {
        limit, offset, api_version: query.get('api_version') ?? '4', is_admin: false, sorts: fields,
        caller: callerSeller.id, seller_id: String(seller.id), ...(item ? { item } : {}), ...(statuses.length ? { status: statuses.join(',') } : {}),
      },
      available_filters: [
        { id: 'item', name: 'Item', type: 'text' },
        { id: 'from', name: 'From user id', type: 'number' },
        { id: 'totalDivisions', name: 'total divisions', type: 'number' },
        { id: 'status', name: 'Status', type: 'text', values: [...QUESTION_STATUSES] },
      ],
      available_sorts: Object.keys(SORT_FIELDS),
    });
  },
};

const getQuestion: Route = {
  method: 'GET', path: '/questions/:id', access: 'token',
  handle: (ctx, _caller, core) => {
    const id = numericId(ctx.params[0], 'bad_request', 'question');
    const record = core.store.questions.get(id);
    if (!record || record.deleted) throw apiError(404, 'not_found', `Question ${id} not found`);
    return json(record.body);
  },
};

const ANSWER_FIELDS = ['question_id', 'text'];

const postAnswer: Route = {
  method: 'POST', path: '/answers', access: 'token',
  handle: async (ctx, caller, core) => {
    const { seller } = requireCaller(caller);
    const body = await readJson(ctx, 'invalid_post_body');
    if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).some((key) => !ANSWER_FIELDS.includes(key))) {
      throw badRequest(`JSON inválido. Os atributos válidos são: ${ANSWER_FIELDS.join(', ')}`, 'invalid_post_body');
    }
    const { question_id: questionId, text } = body as { question_id?: unknown; text?: unknown };
    if (typeof questionId !== 'number' || !Number.isSafeInteger(questionId)) {
      throw badRequest('The question cannot be answered: question_id must be an integer', 'invalid_question');
    }
    if (typeof text !== 'string') throw badRequest('text is required and must be a string', 'invalid_text');
    const record = core.store.questions.get(questionId);
    if (!record || record.deleted) throw apiError(404, 'not_found', `Question ${questionId} not found`);
    if (record.sellerId !== seller.id) throw apiError(403, 'forbidden', `Question ${questionId} does not belong to the caller`);
    return json(answerQuestion(core, questionId, text));
  },
};

export const questionRoutes: Route[] = [searchQuestions, getQuestion, postAnswer];
