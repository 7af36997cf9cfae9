/**
 * Errors in Stripe's shape: `{ "error": { "type", "code"?, "message", "param"?, ... } }` with Stripe's status
 * codes (400 invalid request, 401 bad key, 402 card declined, 404 missing, 409 idempotency conflict).
 */
export type StripeErrorType = 'invalid_request_error' | 'card_error' | 'api_error' | 'idempotency_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  doc_url?: string;
  request_log_url?: string;
  [extra: string]: unknown;
}

export class StripeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    /** Stripe does not store an idempotent result when a request fails validation before it runs. */
    readonly beforeExecution = false,
  ) {
    super(body.message);
  }
}

const docUrl = (code: string) => `https://docs.stripe.com/error-codes/${code.replace(/_/g, '-')}`;

export function invalidRequest(message: string, extra: { code?: string; param?: string; status?: number } = {}): StripeHttpError {
  const body: StripeErrorBody = { type: 'invalid_request_error', message };
  if (extra.code) {
    body.code = extra.code;
    body.doc_url = docUrl(extra.code);
  }
  if (extra.param) body.param = extra.param;
  return new StripeHttpError(extra.status ?? 400, body, extra.code?.startsWith('parameter_') ?? false);
}

export const parameterMissing = (param: string) =>
  invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });

export const parameterUnknown = (param: string) =>
  invalidRequest(`Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });

export const parameterInvalidInteger = (param: string, value: string) =>
  invalidRequest(`Invalid integer: ${value}`, { code: 'parameter_invalid_integer', param });

export const parameterInvalid = (param: string, message: string) =>
  invalidRequest(message, { code: 'parameter_invalid_empty', param });

export function resourceMissing(kind: string, id: string, param = 'id'): StripeHttpError {
  return invalidRequest(`No such ${kind}: '${id}'`, { code: 'resource_missing', param, status: 404 });
}

export function cardError(message: string, code: string, declineCode: string | undefined, extra: Record<string, unknown> = {}): StripeHttpError {
  const body: StripeErrorBody = { type: 'card_error', code, message, doc_url: docUrl(code), ...extra };
  if (declineCode) body.decline_code = declineCode;
  return new StripeHttpError(402, body);
}
