import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * AWS Signature Version 4 checked the way S3 checks it, for the stand-in server: the Authorization header's
 * credential scope, the signed headers and the signature recomputed from the request and the secret key.
 */

/** Why a request is refused, as S3 answers it. */
export interface SignatureProblem {
  status: number;
  code: string;
  message: string;
}

export interface SigningSecret {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;
const AMZ_DATE = /^(\d{8})T\d{6}Z$/;
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Null when the request is signed with the configured key pair; otherwise the refusal S3 would send. `payloadHash`
 * is the x-amz-content-sha256 value the caller has already checked against the body (or `UNSIGNED-PAYLOAD`).
 */
export function verifySignature(request: IncomingMessage, payloadHash: string, secret: SigningSecret, now = new Date()): SignatureProblem | null {
  const authorization = request.headers.authorization;
  if (!authorization) return { status: 403, code: 'AccessDenied', message: 'Access Denied' };
  const match = AUTHORIZATION.exec(authorization);
  if (!match) return malformed('The authorization header is malformed.');
  const [, credential = '', signedHeaderList = '', signature = ''] = match;

  const [accessKeyId, scopeDate, region, service, terminator, ...extra] = credential.split('/');
  if (!accessKeyId || !scopeDate || !region || service !== 's3' || terminator !== 'aws4_request' || extra.length > 0) {
    return malformed('The credential is malformed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".');
  }
  if (accessKeyId !== secret.accessKeyId) {
    return { status: 403, code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' };
  }
  if (region !== secret.region) return malformed(`The authorization header is malformed; the region '${region}' is wrong; expecting '${secret.region}'`);

  const amzDate = header(request, 'x-amz-date');
  const dateMatch = AMZ_DATE.exec(amzDate ?? '');
  if (!amzDate || !dateMatch) return { status: 403, code: 'AccessDenied', message: 'AWS authentication requires a valid Date or x-amz-date header' };
  if (dateMatch[1] !== scopeDate) return malformed(`The authorization header is malformed; Invalid credential date. Date is not the same as X-Amz-Date: ${scopeDate}.`);
  const signedAt = Date.parse(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  if (Number.isNaN(signedAt) || Math.abs(now.getTime() - signedAt) > MAX_CLOCK_SKEW_MS) {
    return { status: 403, code: 'RequestTimeTooSkewed', message: 'The difference between the request time and the current time is too large.' };
  }

  const signedHeaders = signedHeaderList.split(';');
  if (!signedHeaders.includes('host')) return { status: 403, code: 'AccessDenied', message: 'The host header must be signed.' };
  const unsigned = Object.keys(request.headers).filter((name) => name.startsWith('x-amz-') && !signedHeaders.includes(name));
  if (unsigned.length > 0) return { status: 403, code: 'AccessDenied', message: `There were headers present in the request which were not signed: ${unsigned.join(', ')}` };

  const canonical = canonicalRequest(request, signedHeaders, payloadHash);
  const scope = `${scopeDate}/${region}/s3/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
  const expected = createHmac('sha256', signingKey(secret.secretAccessKey, scopeDate, region)).update(stringToSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
    return {
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    };
  }
  return null;
}

/** S3 signs the path as sent (encoded once, not normalised), the query re-encoded and sorted, and the named headers. */
function canonicalRequest(request: IncomingMessage, signedHeaders: string[], payloadHash: string): string {
  const rawUrl = request.url ?? '/';
  const queryStart = rawUrl.indexOf('?');
  const path = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
  const query = queryStart === -1 ? '' : rawUrl.slice(queryStart + 1);
  const headers = signedHeaders.map((name) => `${name}:${canonicalHeaderValue(request, name)}\n`).join('');
  return [request.method, path, canonicalQuery(query), headers, signedHeaders.join(';'), payloadHash].join('\n');
}

function canonicalQuery(query: string): string {
  return query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals === -1 ? pair : pair.slice(0, equals);
      const value = equals === -1 ? '' : pair.slice(equals + 1);
      return [uriEncode(decodeQueryPart(name)), uriEncode(decodeQueryPart(value))] as const;
    })
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function decodeQueryPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** RFC 3986 encoding of everything but unreserved characters, as SigV4 requires. */
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalHeaderValue(request: IncomingMessage, name: string): string {
  const values = request.headersDistinct[name] ?? [];
  return values.map((v) => v.trim().replace(/\s+/g, ' ')).join(',');
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function signingKey(secretAccessKey: string, date: string, region: string): Buffer {
  const dateKey = createHmac('sha256', `AWS4${secretAccessKey}`).update(date).digest();
  const regionKey = createHmac('sha256', dateKey).update(region).digest();
  const serviceKey = createHmac('sha256', regionKey).update('s3').digest();
  return createHmac('sha256', serviceKey).update('aws4_request').digest();
}

function malformed(message: string): SignatureProblem {
  return { status: 400, code: 'AuthorizationHeaderMalformed', message };
}
