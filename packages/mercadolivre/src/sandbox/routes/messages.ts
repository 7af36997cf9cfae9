import { z } from 'zod';
import { SELLER_MESSAGE_MAX_LENGTH } from '../../schemas.ts';
import { requireCaller, type Caller, type Route, type SandboxCore } from '../core.ts';
import { mlDate } from '../dates.ts';
import { apiError, badRequest, intParam, json, numericId, readJson, type RequestContext } from '../http.ts';
import type { Conversation } from '../model.ts';
import { addMessage, conversationBlocked, conversationFor } from '../mutations.ts';

const forbidden = () => apiError(403, 'forbidden', 'User access token invalid for resource');

function requireTag(ctx: RequestContext): void {
  if (ctx.query.get('tag') !== 'post_sale') throw badRequest('The parameter tag=post_sale is required');
}

function conversationOf(ctx: RequestContext, caller: Caller, core: SandboxCore): Conversation {
  requireTag(ctx);
  const packId = numericId(ctx.params[0], 'bad_request', 'pack');
  const sellerId = numericId(ctx.params[1], 'bad_request', 'seller');
  if (sellerId !== caller.seller.id) throw forbidden();
  const conversation = conversationFor(core, packId);
  if (!conversation) throw apiError(404, 'not_found', `Pack ${packId} not found`);
  if (conversation.sellerId !== caller.seller.id) throw forbidden();
  return conversation;
}

const id = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
const sendMessageBody = z.object({
  from: z.object({ user_id: id, email: z.string().optional() }),
  to: z.object({ user_id: id }),
  text: z.string(),
  attachments: z.array(z.string()).optional(),
});

const getPackMessages: Route = {
  method: 'GET', path: '/messages/packs/:packId/sellers/:sellerId', access: 'token',
  handle: (ctx, caller, core) => {
    const conversation = conversationOf(ctx, requireCaller(caller), core);
    const limit = intParam(ctx.query, 'limit', 10, 1);
    if (limit > core.options.pageLimits.messagesMax) throw badRequest('Invalid limit param');
    const offset = intParam(ctx.query, 'offset', 0);
    const page = conversation.messages.slice(offset, offset + limit);
    if (ctx.query.get('mark_as_read') !== 'false') {
      const now = mlDate(core.clock());
      for (const message of page) if (message.to.user_id === conversation.sellerId && message.message_date.read === null) message.message_date.read = now;
    }
    const blocked = conversationBlocked(core, conversation);
    const last = conversation.messages.at(-1);
    return json({
      paging: { limit, offset, total: conversation.messages.length },
      conversation_status: {
        path: `/packs/${conversation.id}/seller/${conversation.sellerId}`,
        status: blocked ? 'blocked' : 'active',
        substatus: blocked ? 'blocked_by_cancelled_order' : null,
        status_date: last?.message_date.created ?? null,
        status_update_allowed: false,
        claim_id: null,
        shipping_id: conversation.shipmentId,
      },
      messages: page,
      seller_max_message_length: SELLER_MESSAGE_MAX_LENGTH,
      buyer_max_message_length: 3_500,
    });
  },
};

const postPackMessage: Route = {
  method: 'POST', path: '/messages/packs/:packId/sellers/:sellerId', access: 'token',
  handle: async (ctx, caller, core) => {
    const who = requireCaller(caller);
    const conversation = conversationOf(ctx, who, core);
    const parsed = sendMessageBody.safeParse(await readJson(ctx));
    if (!parsed.success) throw badRequest(`Invalid body: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    if (parsed.data.from.user_id !== conversation.sellerId) throw badRequest('from.user_id must be the seller of the pack');
    if (parsed.data.to.user_id !== conversation.buyerId) throw badRequest('to.user_id must be the buyer of the pack');
    return json(addMessage(core, conversation, 'seller', parsed.data.text, Number(who.clientId)), 201);
  },
};

const getMessage: Route = {
  method: 'GET', path: '/messages/:id', access: 'token',
  handle: (ctx, caller, core) => {
    const { seller } = requireCaller(caller);
    const found = core.store.messages.get(ctx.params[0] ?? '');
    if (!found) throw apiError(404, 'not_found', `Message ${ctx.params[0] ?? ''} not found`);
    if (found.conversation.sellerId !== seller.id && found.conversation.buyerId !== seller.id) throw forbidden();
    return json(found.body);
  },
};

export const messageRoutes: Route[] = [getPackMessages, postPackMessage, getMessage];
