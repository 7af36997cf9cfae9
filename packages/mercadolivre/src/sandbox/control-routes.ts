import { z } from 'zod';
import type { Route, SandboxCore } from './core.ts';
import type { FaultSwitch } from './faults.ts';
import { failNextInput } from './faults.ts';
import { generateSellerInput, type GenerateSellerInput, type GeneratedSeller } from './generator.ts';
import { apiError, json, numericId, readJson } from './http.ts';
import {
  addMessage, answerQuestion, askQuestionInput, askQuestion, conversationFor, createOrder, createOrderInput, deleteQuestion,
  updateItem, updateItemInput, updateOrder, updateOrderInput, updateShipment, updateShipmentInput,
} from './mutations.ts';
import type { TokenResponse } from '../schemas.ts';

/** What the control routes need from the running sandbox (the same functions the programmatic API exposes). */
export interface ControlSurface {
  core: SandboxCore;
  faults: FaultSwitch;
  generateSeller(input: GenerateSellerInput): GeneratedSeller;
  issueTokens(sellerId: number, clientId?: string): TokenResponse;
  stats(): unknown;
  counts(sellerId: number): unknown;
}

const sellerRef = z.object({ sellerId: z.number().int().positive() });
const notificationSettings = z.object({
  duplicates: z.number().int().min(0).max(20).optional(),
  shuffle: z.boolean().optional(),
  paused: z.boolean().optional(),
});
const notifyInput = z.object({
  topic: z.string().min(1),
  resource: z.string().min(1),
  userId: z.number().int().positive(),
  actions: z.array(z.string()).optional(),
});
const textInput = z.object({ text: z.string() });

async function body<T extends z.ZodType>(ctx: Parameters<Route['handle']>[0], schema: T): Promise<z.output<T>> {
  const raw = (await ctx.body()).trim() === '' ? {} : await readJson(ctx);
  return schema.parse(raw);
}

const pathId = (raw: string | undefined, label: string): number => numericId(raw, 'bad_request', label);

/** `/__sandbox/*`: the programmatic controls over HTTP (JSON in and out), for the demo and browser tests. */
export function controlRoutes(surface: ControlSurface): Route[] {
  const { core } = surface;
  const route = (method: Route['method'], path: string, handle: Route['handle']): Route => ({ method, path: `/__sandbox${path}`, access: 'public', handle });
  return [
    route('GET', '/sellers', () => json([...core.store.sellers.values()].map((s) => ({ id: s.id, nickname: s.nickname, siteId: s.siteId })))),
    route('POST', '/sellers', async (ctx) => json(surface.generateSeller(await body(ctx, generateSellerInput)), 201)),
    route('POST', '/tokens', async (ctx) => {
      const input = await body(ctx, sellerRef.extend({ clientId: z.string().optional() }));
      return json(surface.issueTokens(input.sellerId, input.clientId));
    }),
    route('POST', '/faults', async (ctx) => {
      surface.faults.add(await body(ctx, failNextInput));
      return json({ ok: true });
    }),
    route('DELETE', '/faults', () => {
      surface.faults.clear();
      return json({ ok: true });
    }),
    route('POST', '/expire-access-tokens', async (ctx) => {
      const input = await body(ctx, z.object({ sellerId: z.number().int().positive().optional() }));
      return json({ expired: core.tokens.expireAccessTokens(input.sellerId) });
    }),
    route('POST', '/revoke-grant', async (ctx) => {
      core.tokens.revokeGrant((await body(ctx, sellerRef)).sellerId);
      return json({ ok: true });
    }),
    route('POST', '/questions', async (ctx) => {
      const input = await body(ctx, askQuestionInput.extend(sellerRef.shape));
      return json(askQuestion(core, input.sellerId, input), 201);
    }),
    route('POST', '/questions/:id/answer', async (ctx) => json(answerQuestion(core, pathId(ctx.params[0], 'question'), (await body(ctx, textInput)).text))),
    route('DELETE', '/questions/:id', (ctx) => {
      deleteQuestion(core, pathId(ctx.params[0], 'question'));
      return json({ ok: true });
    }),
    route('POST', '/orders', async (ctx) => {
      const input = await body(ctx, createOrderInput.extend(sellerRef.shape));
      return json(createOrder(core, input.sellerId, input), 201);
    }),
    route('PATCH', '/orders/:id', async (ctx) => json(updateOrder(core, pathId(ctx.params[0], 'order'), await body(ctx, updateOrderInput)))),
    route('PATCH', '/shipments/:id', async (ctx) => json(updateShipment(core, pathId(ctx.params[0], 'shipment'), await body(ctx, updateShipmentInput)))),
    route('PATCH', '/items/:id', async (ctx) => json(updateItem(core, ctx.params[0] ?? '', await body(ctx, updateItemInput)))),
    route('POST', '/packs/:id/buyer-messages', async (ctx) => {
      const conversation = conversationFor(core, pathId(ctx.params[0], 'pack'));
      if (!conversation) throw apiError(404, 'not_found', `Pack ${ctx.params[0] ?? ''} not found`);
      const clientId = Number([...core.applications.keys()][0]);
      return json(addMessage(core, conversation, 'buyer', (await body(ctx, textInput)).text, clientId), 201);
    }),
    route('POST', '/notifications', async (ctx) => json(core.notifier.configure(await body(ctx, notificationSettings)))),
    route('POST', '/notify', async (ctx) => {
      const input = await body(ctx, notifyInput);
      return json({ notifications: core.notifier.publish(input.topic, input.resource, input.userId, input.actions) });
    }),
    route('GET', '/stats', () => json(surface.stats())),
    route('GET', '/counts/:sellerId', (ctx) => json(surface.counts(pathId(ctx.params[0], 'seller')))),
  ];
}
