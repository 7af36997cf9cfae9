import { z } from 'zod';
import { BRIDGE_METHODS, type BridgeApi, type BridgeMethod } from '../../shared/bridge.ts';

/** ML refuses answers longer than 2,000 characters. */
const ANSWER_MAX = 2000;

const id = z.string().trim().min(1, 'Missing id').max(100, 'This id is not valid');
const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'Use a valid date');
const none = z.undefined().or(z.null()).or(z.object({}).strict()).transform(() => undefined);

/**
 * The renderer's arguments, checked in the main process: the renderer is web content and is not trusted to
 * send well-formed input. Each message is a sentence the renderer can show beside the field.
 */
const INPUTS = {
  status: none,
  startSignIn: z.object({ deviceName: z.string().trim().min(1, 'Name this computer').max(100, 'Use at most 100 characters for the computer name') }),
  cancelSignIn: none,
  openSignInPage: none,
  signOut: none,
  chooseStore: z.object({ tenantId: id }),
  syncNow: none,
  accounts: none,
  orders: z.object({
    accountId: id.optional(),
    status: z.string().trim().max(40).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    q: z.string().trim().max(200, 'Search with at most 200 characters').optional(),
    limit: z.number().int().min(1).max(200).optional(),
    before: z.string().max(500).optional(),
  }),
  order: z.object({ id }),
  questions: z.object({ accountId: id.optional() }),
  answer: z.object({
    questionId: id,
    text: z.string().trim().min(1, 'Write an answer before sending it').max(ANSWER_MAX, `Mercado Livre accepts answers of at most ${ANSWER_MAX} characters`),
  }),
  outbox: none,
  discardAnswer: z.object({ id }),
  templates: none,
  saveTemplate: z.object({
    id: id.optional(),
    name: z.string().trim().min(1, 'Name the template').max(60, 'Use at most 60 characters for the name'),
    body: z.string().trim().min(1, 'Write the template text').max(ANSWER_MAX, `Use at most ${ANSWER_MAX} characters`),
  }),
  deleteTemplate: z.object({ id }),
} satisfies Record<BridgeMethod, z.ZodType>;

export class BridgeInputError extends Error {
  override readonly name = 'BridgeInputError';
}

const isMethod = (name: string): name is BridgeMethod => (BRIDGE_METHODS as readonly string[]).includes(name);

/**
 * One entry point for every call from the renderer: an unknown method or a bad argument is refused with a
 * sentence, and the method's own failures keep their sentence (never a stack).
 */
export function createBridgeHandler(api: BridgeApi): (method: string, arg: unknown) => Promise<unknown> {
  return async (method, arg) => {
    if (!isMethod(method)) throw new BridgeInputError(`Unknown action: ${method}`);
    const parsed = INPUTS[method].safeParse(arg);
    if (!parsed.success) throw new BridgeInputError(parsed.error.issues.map((issue) => issue.message).join('; '));
    const call = api[method] as (input: unknown) => Promise<unknown>;
    try {
      return await call(parsed.data);
    } catch (error) {
      throw new Error(error instanceof Error && error.message ? error.message : 'Something went wrong; try again.', { cause: error });
    }
  };
}
