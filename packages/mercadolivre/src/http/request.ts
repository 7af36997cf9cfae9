import type { z } from 'zod';
import { errorFor, MlNetworkError, MlResponseShapeError } from '../errors.ts';
import { errorBodySchema } from '../schemas.ts';

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestSpec<T> {
  baseUrl: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Query;
  /** JSON body. */
  json?: unknown;
  /** application/x-www-form-urlencoded body (the token endpoint). */
  form?: Record<string, string>;
  accessToken?: string;
  schema: z.ZodType<T>;
  /** A stable name for logs and errors, e.g. "GET /orders/search". */
  endpoint: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export function buildUrl(baseUrl: string, path: string, query?: Query): string {
  const url = new URL(path.replace(/^\/?/, '/'), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  // Keep a path prefix in the base URL (proxies, the sandbox mounted under a path).
  const base = new URL(baseUrl);
  if (base.pathname !== '/') url.pathname = base.pathname.replace(/\/$/, '') + path.replace(/^\/?/, '/');
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 300) };
  }
}

/** One HTTP call to ML: the typed error for a non-2xx answer, the zod-checked body otherwise. */
export async function mlRequest<T>(spec: RequestSpec<T>): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | undefined;
  if (spec.accessToken) headers.authorization = `Bearer ${spec.accessToken}`;
  if (spec.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(spec.form).toString();
  } else if (spec.json !== undefined) {
    headers['content-type'] = 'application/json; charset=utf-8';
    body = JSON.stringify(spec.json);
  }
  let response: Response;
  try {
    response = await (spec.fetch ?? fetch)(buildUrl(spec.baseUrl, spec.path, spec.query), {
      method: spec.method ?? 'GET',
      headers,
      body,
      signal: AbortSignal.timeout(spec.timeoutMs ?? 15_000),
    });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message;
    throw new MlNetworkError(`Mercado Livre could not be reached (${spec.endpoint}): ${reason}`, 0, 'network', spec.endpoint);
  }
  const payload = await readBody(response);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(payload);
    throw errorFor(response.status, parsed.success ? parsed.data : undefined, spec.endpoint, retryAfterMs(response.headers.get('retry-after')));
  }
  const parsed = spec.schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(body)';
    throw new MlResponseShapeError(
      `Mercado Livre's answer to ${spec.endpoint} has an unexpected shape at ${where}: ${issue?.message ?? 'invalid'}`,
      response.status,
      'response_shape',
      spec.endpoint,
      payload,
    );
  }
  return parsed.data;
}
