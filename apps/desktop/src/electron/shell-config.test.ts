import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PLATFORM_URL, isPlatformLink, newQuestionsNotice, readPlatformUrl } from './shell-config.ts';

describe('readPlatformUrl', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vitrine-config-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const writeConfig = (content: string) => writeFile(join(dataDir, 'config.json'), content);

  it('defaults to the local dev server', async () => {
    expect(await readPlatformUrl({ env: {}, dataDir })).toBe(DEFAULT_PLATFORM_URL);
    await writeConfig('{}');
    expect(await readPlatformUrl({ env: {}, dataDir })).toBe(DEFAULT_PLATFORM_URL);
  });

  it('prefers VITRINE_PLATFORM_URL over config.json', async () => {
    await writeConfig(JSON.stringify({ platformUrl: 'https://config.vitrine.example/' }));
    expect(await readPlatformUrl({ env: {}, dataDir })).toBe('https://config.vitrine.example');
    const env = { VITRINE_PLATFORM_URL: ' https://app.vitrine.example/seller/ ' };
    expect(await readPlatformUrl({ env, dataDir })).toBe('https://app.vitrine.example/seller');
  });

  it('refuses bad values with a sentence naming their source', async () => {
    await expect(readPlatformUrl({ env: { VITRINE_PLATFORM_URL: 'ftp://x' }, dataDir })).rejects.toThrow(
      /VITRINE_PLATFORM_URL must start with https:\/\//,
    );
    await writeConfig('{ nope');
    await expect(readPlatformUrl({ env: {}, dataDir })).rejects.toThrow(/config\.json is not valid JSON/);
    await writeConfig(JSON.stringify({ platformUrl: 'not a url' }));
    await expect(readPlatformUrl({ env: {}, dataDir })).rejects.toThrow(/is not a web address/);
  });
});

describe('isPlatformLink', () => {
  it('lets only pages of the platform leave the app', () => {
    const platform = 'https://app.vitrine.example';
    expect(isPlatformLink('https://app.vitrine.example/activate?code=ABCD', platform)).toBe(true);
    expect(isPlatformLink('https://app.vitrine.example.evil.example/activate', platform)).toBe(false);
    expect(isPlatformLink('https://app.vitrine.example@evil.example/', platform)).toBe(false);
    expect(isPlatformLink('http://app.vitrine.example/activate', platform)).toBe(false);
    expect(isPlatformLink('javascript:alert(1)', platform)).toBe(false);
    expect(isPlatformLink('file:///etc/passwd', platform)).toBe(false);
    expect(isPlatformLink('http://localhost:3000.evil.example/', 'http://localhost:3000')).toBe(false);
  });

  it('keeps a platform under a path to that path', () => {
    const platform = 'https://example.com/vitrine';
    expect(isPlatformLink('https://example.com/vitrine/activate', platform)).toBe(true);
    expect(isPlatformLink('https://example.com/vitrine', platform)).toBe(true);
    expect(isPlatformLink('https://example.com/vitrine-evil/x', platform)).toBe(false);
  });
});

describe('newQuestionsNotice', () => {
  const question = (text: string) => ({ id: '1', accountId: 'a', text });

  it('names one or several questions and shows the first one', () => {
    expect(newQuestionsNotice([])).toBeNull();
    expect(newQuestionsNotice([question('Tem em azul?')])).toEqual({ title: 'New question', body: 'Tem em azul?' });
    expect(newQuestionsNotice([question('  Tem\n em   azul? '), question('b'), question('c')])).toEqual({
      title: '3 new questions',
      body: 'Tem em azul?',
    });
  });

  it('shortens a long question to about 120 characters', () => {
    const body = newQuestionsNotice([question(`${'a'.repeat(118)}😀😀😀 rest`)])!.body;
    expect(Array.from(body)).toHaveLength(120);
    expect(body.endsWith('😀…')).toBe(true);
  });
});
