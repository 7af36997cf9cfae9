import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { startSandbox, type Sandbox, type SandboxOptions } from './index.ts';

/** Shared by the sandbox's own tests: a sandbox with one application, and small HTTP helpers. */
export const TEST_APP = {
  clientId: '1234567890123456',
  clientSecret: 'sandbox-secret',
  redirectUris: ['http://localhost:3000/api/mercadolivre/callback'],
} as const;

export async function startTestSandbox(extra: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  return startSandbox({ applications: [{ ...TEST_APP, redirectUris: [...TEST_APP.redirectUris] }], ...extra });
}

export interface ApiResult {
  status: number;
  body: unknown;
  headers: Headers;
}

export async function call(sandbox: Sandbox, path: string, init: { token?: string; method?: string; json?: unknown; form?: Record<string, string> } = {}): Promise<ApiResult> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = typeof init.json === 'string' ? init.json : JSON.stringify(init.json);
  } else if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  }
  const response = await fetch(`${sandbox.url}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, body: type.includes('json') ? (JSON.parse(text) as unknown) : text, headers: response.headers };
}

/** Parses with the contract schema and fails the test with the zod issue when the body does not match. */
export function expectShape<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw new Error(`body does not match the schema: ${JSON.stringify(result.error.issues.slice(0, 3))}\n${JSON.stringify(body).slice(0, 500)}`);
  return result.data;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
