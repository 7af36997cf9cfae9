import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BridgeEvent } from '../shared/bridge.ts';

/** The shell's small decisions, kept free of Electron so they are tested under Node. */

export const DEFAULT_PLATFORM_URL = 'http://localhost:3000';
export const CONFIG_FILE = 'config.json';

/** An http(s) address without a trailing slash, or an Error naming where the bad value came from. */
function normalizePlatformUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`The platform address in ${source} is not a web address: "${value}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`The platform address in ${source} must start with https:// or http://.`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new Error(`The platform address in ${source} must be a plain address, without query, fragment or credentials.`);
  }
  return url.href.replace(/\/+$/, '');
}

/** VITRINE_PLATFORM_URL, else `platformUrl` of config.json in the data directory, else the local dev server. */
export async function readPlatformUrl(options: { env: NodeJS.ProcessEnv; dataDir: string }): Promise<string> {
  const fromEnv = options.env.VITRINE_PLATFORM_URL?.trim();
  if (fromEnv) return normalizePlatformUrl(fromEnv, 'VITRINE_PLATFORM_URL');

  const file = path.join(options.dataDir, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_PLATFORM_URL;
    throw new Error(`The settings file ${file} cannot be read.`, { cause: error });
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    throw new Error(`The settings file ${file} is not valid JSON.`, { cause: error });
  }
  const value = (config as { platformUrl?: unknown } | null)?.platformUrl;
  if (value === undefined) return DEFAULT_PLATFORM_URL;
  if (typeof value !== 'string') throw new Error(`"platformUrl" in ${file} must be a string.`);
  return normalizePlatformUrl(value, file);
}

/**
 * Whether a link may leave the app for the system browser: only pages of the platform itself (same origin,
 * under its path). A plain prefix test would let http://localhost:3000.evil.example through.
 */
export function isPlatformLink(url: string, platformUrl: string): boolean {
  let target: URL;
  let platform: URL;
  try {
    target = new URL(url);
    platform = new URL(platformUrl);
  } catch {
    return false;
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return false;
  if (target.origin !== platform.origin || target.username !== '' || target.password !== '') return false;
  const base = platform.pathname.replace(/\/+$/, '');
  return base === '' || target.pathname === base || target.pathname.startsWith(`${base}/`);
}

const NOTICE_BODY_LENGTH = 120;

/** The desktop notification for questions that arrived with a sync, or null when there are none. */
export function newQuestionsNotice(
  questions: Extract<BridgeEvent, { type: 'new-questions' }>['questions'],
): { title: string; body: string } | null {
  const first = questions[0];
  if (first === undefined) return null;
  const title = questions.length === 1 ? 'New question' : `${questions.length} new questions`;
  return { title, body: truncate(first.text.replace(/\s+/g, ' ').trim(), NOTICE_BODY_LENGTH) };
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text); // code points, so an emoji is never cut in half
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
