import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32 } from 'node:zlib';
import { sha256Hex, verifySignature, type SigningSecret } from './sigv4.ts';

/**
 * A small S3-compatible server on loopback for tests: one bucket, path-style addressing
 * (`/<bucket>/<key>`), PUT / GET / HEAD / DELETE of objects kept in memory. Every request must carry a valid
 * Signature Version 4 for the configured key pair, and errors come back as S3's XML (NoSuchKey, NoSuchBucket,
 * SignatureDoesNotMatch, ...), so a client that works here speaks the protocol a real bucket expects.
 * Anything else S3 offers (listing, multipart, copy, ranges, streaming payload signing) answers 501.
 */

export interface S3StandInOptions {
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region?: string;
}

export interface StoredObject {
  body: Buffer;
  contentType: string;
  cacheControl: string | undefined;
  etag: string;
  lastModified: Date;
}

export interface S3StandIn {
  /** Base URL to give the client as its endpoint (use path-style addressing). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Objects currently stored, by key. */
  objects: ReadonlyMap<string, StoredObject>;
  /** How many requests reached the server, refused ones included. */
  requestCount(): number;
  close(): Promise<void>;
}

/** S3 stores up to 5 GB in one PUT; an in-memory test server stops far earlier. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startS3StandIn(options: S3StandInOptions): Promise<S3StandIn> {
  const secret: SigningSecret = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey, region: options.region ?? 'us-east-1' };
  const objects = new Map<string, StoredObject>();
  let requests = 0;

  const server = createServer((request, response) => {
    requests += 1;
    handle(request, response).catch((error: unknown) => {
      const s3Error = error instanceof S3Error ? error : new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.');
      sendError(request, response, s3Error);
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const body = await readBody(request);
    const payloadHash = checkedPayloadHash(request, body);
    const refusal = verifySignature(request, payloadHash, secret);
    if (refusal) throw new S3Error(refusal.status, refusal.code, refusal.message);

    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const [bucket = '', ...keyParts] = path.slice(1).split('/');
    if (decodePath(bucket) !== options.bucket) {
      if (bucket === '') throw new S3Error(501, 'NotImplemented', 'Listing buckets is not implemented by this server.');
      throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist');
    }
    const key = keyParts.map(decodePath).join('/');
    if (key === '') throw new S3Error(501, 'NotImplemented', 'Bucket operations are not implemented by this server.');

    switch (request.method) {
      case 'PUT':
        return putObject(request, response, key, body);
      case 'GET':
      case 'HEAD':
        return getObject(request, response, key);
      case 'DELETE':
        objects.delete(key);
        response.writeHead(204, { 'x-amz-request-id': randomUUID() }).end();
        return;
      default:
        throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    }
  }

  function putObject(request: IncomingMessage, response: ServerResponse, key: string, body: Buffer) {
    if (request.headers['x-amz-copy-source']) throw new S3Error(501, 'NotImplemented', 'CopyObject is not implemented by this server.');
    const contentMd5 = request.headers['content-md5'];
    if (contentMd5 && createHash('md5').update(body).digest('base64') !== contentMd5) {
      throw new S3Error(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.');
    }
    const checksum = singleHeader(request, 'x-amz-checksum-crc32');
    if (checksum && crc32Base64(body) !== checksum) {
      throw new S3Error(400, 'BadDigest', 'The CRC32 you specified did not match the calculated checksum.');
    }
    const etag = `"${createHash('md5').update(body).digest('hex')}"`;
    objects.set(key, {
      body,
      contentType: request.headers['content-type'] ?? 'binary/octet-stream',
      cacheControl: request.headers['cache-control'],
      etag,
      lastModified: new Date(),
    });
    response.writeHead(200, { etag, 'x-amz-request-id': randomUUID() }).end();
  }

  function getObject(request: IncomingMessage, response: ServerResponse, key: string) {
    const object = objects.get(key);
    if (!object) throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.');
    response.writeHead(200, {
      'content-type': object.contentType,
      'content-length': String(object.body.length),
      etag: object.etag,
      'last-modified': object.lastModified.toUTCString(),
      'accept-ranges': 'bytes',
      'x-amz-request-id': randomUUID(),
      ...(object.cacheControl ? { 'cache-control': object.cacheControl } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : object.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: options.bucket,
    region: secret.region,
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    objects,
    requestCount: () => requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The x-amz-content-sha256 value once it is known to describe the body S3 would store. */
function checkedPayloadHash(request: IncomingMessage, body: Buffer): string {
  const declared = singleHeader(request, 'x-amz-content-sha256');
  if (!declared) throw new S3Error(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
  if (declared === UNSIGNED_PAYLOAD) return declared;
  if (declared.startsWith('STREAMING-')) {
    throw new S3Error(501, 'NotImplemented', 'Streaming (aws-chunked) payload signing is not implemented by this server; send the body in one piece.');
  }
  if (!/^[0-9a-f]{64}$/.test(declared)) throw new S3Error(400, 'InvalidArgument', 'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-... or a SHA-256 value.');
  if (sha256Hex(body) !== declared) throw new S3Error(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
  return declared;
}

function singleHeader(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size of this server.'));
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function crc32Base64(body: Buffer): string {
  const value = Buffer.alloc(4);
  value.writeUInt32BE(crc32(body) >>> 0);
  return value.toString('base64');
}

function decodePath(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new S3Error(400, 'InvalidURI', "Couldn't parse the specified URI.");
  }
}

function sendError(request: IncomingMessage, response: ServerResponse, error: S3Error) {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const requestId = randomUUID();
  const resource = (request.url ?? '/').split('?')[0] ?? '/';
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>` +
    `<Resource>${escapeXml(resource)}</Resource><RequestId>${requestId}</RequestId></Error>`;
  // S3 answers HEAD errors with the status only.
  const body = request.method === 'HEAD' ? undefined : xml;
  response.writeHead(error.status, {
    'content-type': 'application/xml',
    'x-amz-request-id': requestId,
    ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
  });
  response.end(body);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}
