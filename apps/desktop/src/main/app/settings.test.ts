import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSettings, writeSettings, type Settings } from './settings.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('writeSettings', () => {
  it('applies writes asked at the same moment one after another: none fails, the last one wins, no temporary file stays', async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitrine-settings-'));
    const versions: Settings[] = Array.from({ length: 20 }, (_, i) => ({ version: 1, user: { email: `u${i}@example.test` }, store: null }));
    await Promise.all(versions.map((s) => writeSettings(dir!, s)));
    expect(await readSettings(dir)).toEqual(versions.at(-1));
    expect(await readdir(dir)).toEqual(['settings.json']);
  });
});
