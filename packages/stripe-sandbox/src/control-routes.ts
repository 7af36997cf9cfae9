import { z } from 'zod';
import { advanceSubscription, retryInvoice } from './billing.ts';
import { cardByNumber, cardByPaymentMethod } from './cards.ts';
import { paySession, successRedirect } from './checkout.ts';
import type { SandboxCore } from './core.ts';
import { invalidRequest, resourceMissing } from './errors.ts';
import type { EventRecord } from './events.ts';
import { json, type Route, type RouteContext } from './http.ts';

/**
 * `/_sandbox/*`: controls for tests and the demo (JSON in and out, no API key). Documented in README.md.
 */
export interface ControlSurface {
  core: SandboxCore;
  reset(): void;
}

function body<T extends z.ZodType>(ctx: RouteContext, schema: T): z.output<T> {
  let raw: unknown = {};
  if (ctx.rawBody.trim() !== '') {
    try {
      raw = JSON.parse(ctx.rawBody);
    } catch {
      throw invalidRequest('The control request body is not valid JSON.');
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidRequest(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return parsed.data;
}

export const eventSummary = (record: EventRecord) => ({
  id: record.event.id,
  type: record.event.type,
  created: record.event.created,
  objectId: (record.event.data.object as { id?: string }).id ?? null,
  url: record.url,
  delivered: record.delivered,
  done: record.done,
  attempts: record.attempts,
});

const cardInput = z.object({ card: z.string().min(1).optional() });

export function controlRoutes(surface: ControlSurface): Route[] {
  const { core } = surface;
  const route = (method: Route['method'], path: string, handle: Route['handle']): Route => ({ method, path: `/_sandbox${path}`, kind: 'control', handle });
  return [
    route('GET', '/health', () => json({ ok: true })),
    route('GET', '/events', (ctx) => {
      const type = ctx.query.get('type');
      const objectId = ctx.query.get('object');
      const events = core.deliverer.records.filter((r) => (!type || r.event.type === type) && (!objectId || (r.event.data.object as { id?: string }).id === objectId));
      return json({ data: events.map(eventSummary) });
    }),
    route('GET', '/events/:id', (ctx) => {
      const record = core.deliverer.get(ctx.params[0] as string);
      if (!record) throw resourceMissing('event', ctx.params[0] as string);
      return json({ ...eventSummary(record), event: record.event });
    }),
    route('POST', '/events/:id/resend', (ctx) => {
      const record = core.deliverer.resend(ctx.params[0] as string);
      if (!record) throw resourceMissing('event', ctx.params[0] as string);
      return json(eventSummary(record));
    }),
    route('POST', '/webhook', (ctx) => {
      const input = body(ctx, z.object({ url: z.url().nullable().optional(), secret: z.string().regex(/^whsec_\S+$/).optional() }));
      const endpoint = core.deliverer.configure({ ...(input.url !== undefined ? { url: input.url } : {}), ...(input.secret ? { secret: input.secret } : {}) });
      return json({ url: endpoint.url });
    }),
    route('POST', '/checkout/sessions/:id/pay', (ctx) => {
      const input = body(ctx, z.object({ card: z.string().min(1).default('4242424242424242'), email: z.email().optional(), name: z.string().optional() }));
      const session = core.sessions.get(ctx.params[0] as string);
      if (!session) throw resourceMissing('checkout.session', ctx.params[0] as string);
      const card = cardByNumber(input.card) ?? cardByPaymentMethod(input.card);
      if (!card) throw invalidRequest(`Unknown test card: ${input.card}`, { param: 'card' });
      const result = paySession(core, session, card, { email: input.email ?? session.customer_email, name: input.name ?? null });
      return json({ paid: result.ok, session, redirect: result.ok ? successRedirect(session) : null, error: result.ok ? null : result.error });
    }),
    route('POST', '/subscriptions/:id/advance', (ctx) => {
      const input = body(ctx, cardInput);
      const sub = core.subscriptions.get(ctx.params[0] as string);
      if (!sub) throw resourceMissing('subscription', ctx.params[0] as string);
      return json(advanceSubscription(core, sub, input.card));
    }),
    route('POST', '/invoices/:id/pay', (ctx) => {
      const input = body(ctx, cardInput);
      const invoice = core.invoices.get(ctx.params[0] as string);
      if (!invoice) throw resourceMissing('invoice', ctx.params[0] as string);
      return json(retryInvoice(core, invoice, input.card));
    }),
    route('POST', '/reset', () => {
      surface.reset();
      return json({ ok: true });
    }),
  ];
}
