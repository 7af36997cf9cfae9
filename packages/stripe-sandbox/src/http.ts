import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxCore } from './core.ts';
import type { RequestInfo } from './events.ts';
import { parseForm, type FormObject } from './form.ts';
import { Params } from './params.ts';

/** What a route answers: JSON (the API and control routes), HTML (hosted pages) or an empty redirect. */
export interface Reply {
  status: number;
  json?: unknown;
  html?: string;
  headers?: Record<string, string>;
}

export interface RouteContext {
  req: IncomingMessage;
  core: SandboxCore;
  params: string[];
  query: URLSearchParams;
  /** The parsed form body (API and page routes) — empty for GET. */
  form: FormObject;
  /** The raw body text (control routes read JSON from it). */
  rawBody: string;
  request: RequestInfo;
}

/**
 * `api`: /v1 (bearer key, idempotency keys, Stripe error bodies); `page`: hosted pages a browser opens;
 * `control`: /_sandbox (no key; for tests and the demo).
 */
export type RouteKind = 'api' | 'page' | 'control';

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  kind: RouteKind;
  handle(ctx: RouteContext): Reply | Promise<Reply>;
}

export const json = (body: unknown, status = 200): Reply => ({ status, json: body });
export const html = (body: string, status = 200): Reply => ({ status, html: body });
export const redirect = (location: string): Reply => ({ status: 303, headers: { location } });

export const paramsOf = (ctx: RouteContext) => new Params(ctx.form);

/** GET parameters, read with the same rules as a form body (`?customer=cus_1&limit=10`). */
export function queryParams(ctx: RouteContext): Params {
  return new Params(parseForm(ctx.query.toString()));
}

const MAX_BODY_BYTES = 1_000_000;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | undefined;
  if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json, null, 2);
    headers['content-type'] = 'application/json';
  } else if (reply.html !== undefined) {
    payload = reply.html;
    headers['content-type'] = 'text/html; charset=utf-8';
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
