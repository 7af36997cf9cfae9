import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a route answers: JSON (the API), HTML (the authorization page) or an empty redirect. */
export interface Reply {
  status: number;
  json?: unknown;
  html?: string;
  headers?: Record<string, string>;
}

/** Thrown by handlers; rendered as the given status and body, exactly as ML would answer. */
export class SandboxHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === 'object' && body && 'message' in body ? String(body.message) : `HTTP ${status}`);
  }
}

/** The generic API error body (reference §5 "Generic API error body"). */
export function apiError(status: number, error: string, message: string): SandboxHttpError {
  return new SandboxHttpError(status, { message, error, status, cause: [] });
}

/** The token endpoint's error body (reference §1 "Token error bodies"). */
export function oauthError(status: number, error: string, description: string): SandboxHttpError {
  return new SandboxHttpError(status, { error_description: description, error, status, cause: [] });
}

export const INVALID_GRANT_DESCRIPTION =
  'Error validating grant. Your authorization code or refresh token may be expired or it was already used';

export function invalidGrant(description = INVALID_GRANT_DESCRIPTION): SandboxHttpError {
  return oauthError(400, 'invalid_grant', description);
}

export const badRequest = (message: string, error = 'bad_request'): SandboxHttpError => apiError(400, error, message);

export interface RequestContext {
  req: IncomingMessage;
  method: string;
  path: string;
  query: URLSearchParams;
  params: string[];
  /** The raw body, read once on demand (GET handlers never pay for it). */
  body(): Promise<string>;
}

const MAX_BODY_BYTES = 1_000_000;

export function bodyReader(req: IncomingMessage): () => Promise<string> {
  let pending: Promise<string> | undefined;
  return () => {
    pending ??= new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          reject(badRequest('request body too large'));
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });
    return pending;
  };
}

export async function readJson(ctx: RequestContext, error = 'bad_request'): Promise<unknown> {
  const raw = await ctx.body();
  if (raw.trim() === '') throw badRequest('the request body is empty; send JSON', error);
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw badRequest('the request body is not valid JSON', error);
  }
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | undefined;
  if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json);
    headers['content-type'] = 'application/json; charset=utf-8';
  } else if (reply.html !== undefined) {
    payload = reply.html;
    headers['content-type'] = 'text/html; charset=utf-8';
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}

export const json = (json: unknown, status = 200, headers?: Record<string, string>): Reply => ({ status, json, headers });

/** Integer query parameter with ML's 400 on garbage ("Invalid limit param"). */
export function intParam(query: URLSearchParams, name: string, fallback: number, min = 0): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw badRequest(`Invalid ${name} param`);
  const value = Number(raw);
  if (value < min) throw badRequest(`Invalid ${name} param`);
  return value;
}

/** A numeric path segment, or the resource's 400 (ML answers e.g. invalid_order_id). */
export function numericId(raw: string | undefined, error: string, label: string): number {
  if (!raw || !/^\d+$/.test(raw)) throw apiError(400, error, `Invalid ${label} id: ${raw ?? ''}`);
  return Number(raw);
}
