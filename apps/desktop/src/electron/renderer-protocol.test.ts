import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createRendererHandler, isAppUrl, resolveRendererFile } from './renderer-protocol.ts';

describe('the app:// protocol handler', () => {
  let base: string;
  let root: string;
  let handler: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'vitrine-protocol-'));
    root = join(base, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Vitrine</title>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(base, 'secret.txt'), 'outside the renderer');
    handler = createRendererHandler(root);
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

  it('serves index.html and assets with their type and the CSP', async () => {
    const page = await get('app://vitrine/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>Vitrine</title>');

    const script = await get('app://vitrine/assets/app.js?v=1');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers 404, with the CSP, for missing files and directories', async () => {
    for (const url of ['app://vitrine/nope.js', 'app://vitrine/assets', 'app://vitrine/assets/']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('never reads outside the renderer directory', async () => {
    const attempts = [
      'app://vitrine/../secret.txt',
      'app://vitrine/%2e%2e/secret.txt',
      'app://vitrine/assets/%2E%2E%2F..%2Fsecret.txt',
      'app://vitrine/..%2fsecret.txt',
      'app://vitrine/..%5csecret.txt',
      `app://vitrine/${encodeURIComponent(join(base, 'secret.txt'))}`,
      'app://vitrine/index.html%00.js',
      'app://vitrine/%E0%A4%A',
      'app://other/index.html',
      'https://vitrine/index.html',
    ];
    for (const url of attempts) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('outside the renderer');
    }
    expect(resolveRendererFile(root, 'app://vitrine/..%2fsecret.txt')).toBeNull();
    expect(resolveRendererFile(root, 'app://vitrine/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });

  it('refuses other methods and sends no body for HEAD', async () => {
    expect((await get('app://vitrine/index.html', 'POST')).status).toBe(405);
    const head = await get('app://vitrine/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('recognises its own pages only', () => {
    expect(isAppUrl('app://vitrine/index.html')).toBe(true);
    expect(isAppUrl('app://vitrine.evil/index.html')).toBe(false);
    expect(isAppUrl('https://vitrine/')).toBe(false);
  });
});
