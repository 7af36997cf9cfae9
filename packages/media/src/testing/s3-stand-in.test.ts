import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3StandIn, type S3StandIn } from './s3-stand-in.ts';
import { sha256Hex, verifySignature } from './sigv4.ts';

describe('verifySignature', () => {
  // The worked "GET object" example from the Signature Version 4 documentation for S3 (example credentials).
  const secret = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1' };
  const signedAt = new Date('2013-05-24T00:00:00Z');
  const headers = {
    host: 'examplebucket.s3.amazonaws.com',
    range: 'bytes=0-9',
    'x-amz-content-sha256': sha256Hex(''),
    'x-amz-date': '20130524T000000Z',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
  };
  const request = (override: Record<string, string> = {}, url = '/test.txt') => {
    const all: Record<string, string> = { ...headers, ...override };
    const headersDistinct = Object.fromEntries(Object.entries(all).map(([name, value]) => [name, [value]]));
    return { method: 'GET', url, headers: all, headersDistinct } as unknown as IncomingMessage;
  };

  it('accepts the documented example request', () => {
    expect(verifySignature(request(), sha256Hex(''), secret, signedAt)).toBeNull();
  });

  it('refuses the example once any signed part changes', () => {
    expect(verifySignature(request({ range: 'bytes=0-99' }), sha256Hex(''), secret, signedAt)?.code).toBe('SignatureDoesNotMatch');
    expect(verifySignature(request({}, '/other.txt'), sha256Hex(''), secret, signedAt)?.code).toBe('SignatureDoesNotMatch');
    expect(verifySignature(request(), sha256Hex(''), { ...secret, secretAccessKey: 'another' }, signedAt)?.code).toBe('SignatureDoesNotMatch');
  });

  it('refuses a stale signature, an unknown key, another region, and unsigned amz headers', () => {
    expect(verifySignature(request(), sha256Hex(''), secret, new Date('2013-05-24T00:20:00Z'))?.code).toBe('RequestTimeTooSkewed');
    expect(verifySignature(request(), sha256Hex(''), { ...secret, accessKeyId: 'AKIDOTHER' }, signedAt)?.code).toBe('InvalidAccessKeyId');
    expect(verifySignature(request(), sha256Hex(''), { ...secret, region: 'eu-west-1' }, signedAt)).toMatchObject({
      status: 400,
      code: 'AuthorizationHeaderMalformed',
    });
    expect(verifySignature(request({ 'x-amz-meta-added': 'later' }), sha256Hex(''), secret, signedAt)?.code).toBe('AccessDenied');
  });
});

describe('S3 stand-in server', () => {
  let server: S3StandIn;
  beforeAll(async () => {
    server = await startS3StandIn({ bucket: 'b', accessKeyId: 'AKID', secretAccessKey: 'secret' });
  });
  afterAll(() => server.close());

  it('answers an unsigned request with an S3 XML error', async () => {
    const response = await fetch(`${server.endpoint}/b/some/key`, { headers: { 'x-amz-content-sha256': sha256Hex('') } });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/xml');
    const xml = await response.text();
    expect(xml).toContain('<Code>AccessDenied</Code>');
    expect(xml).toContain('<Resource>/b/some/key</Resource>');
  });

  it('refuses a body that does not match its declared hash, before looking at the signature', async () => {
    const response = await fetch(`${server.endpoint}/b/some/key`, {
      method: 'PUT',
      headers: { 'x-amz-content-sha256': sha256Hex('what was signed'), authorization: 'AWS4-HMAC-SHA256 Credential=x' },
      body: 'something else',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<Code>XAmzContentSHA256Mismatch</Code>');
    expect(server.objects.size).toBe(0);
  });
});
