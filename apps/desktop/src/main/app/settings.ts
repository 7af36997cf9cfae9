import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/** What the app remembers between runs besides the token (kept by the TokenVault) and the local stores. */
const settingsSchema = z.object({
  version: z.literal(1),
  user: z.object({ email: z.string() }).nullable(),
  store: z.object({ id: z.string(), name: z.string(), slug: z.string() }).nullable(),
});

export type Settings = z.infer<typeof settingsSchema>;

export const EMPTY_SETTINGS: Settings = { version: 1, user: null, store: null };

export const settingsFile = (dataDir: string) => join(dataDir, 'settings.json');

/** The saved settings; a missing or unreadable file is a fresh start (the person signs in again). */
export async function readSettings(dataDir: string): Promise<Settings> {
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(await readFile(settingsFile(dataDir), 'utf8')));
    return parsed.success ? parsed.data : EMPTY_SETTINGS;
  } catch {
    return EMPTY_SETTINGS;
  }
}

/** The write in flight per settings file: writes are applied one after another, in the order they were asked. */
const writing = new Map<string, Promise<void>>();

/**
 * Written to a temporary file of its own and renamed over the old one, so a crash never leaves half a file; two
 * writes close together (a sign-out while a sync saves) never share a temporary file, and the later one wins.
 */
export function writeSettings(dataDir: string, settings: Settings): Promise<void> {
  const file = settingsFile(dataDir);
  const write = async () => {
    await mkdir(dirname(file), { recursive: true });
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, JSON.stringify(settings, null, 2), { mode: 0o600 });
    await rename(temp, file);
  };
  const next = (writing.get(file) ?? Promise.resolve()).catch(() => undefined).then(write);
  writing.set(file, next);
  const forget = () => {
    if (writing.get(file) === next) writing.delete(file);
  };
  next.then(forget, forget);
  return next;
}

/** Each store's data lives in its own directory, so switching stores never mixes two stores' orders. */
export const storeDir = (dataDir: string, tenantId: string) => join(dataDir, 'stores', tenantId.replace(/[^A-Za-z0-9_-]/g, '_'));
