import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dropDatabase } from '@vitrine/db/testing';
import { STATE_FILE } from './constants.ts';

/** Drops the run's database even if the web server was killed before it could. */
export default async function globalTeardown() {
  if (!existsSync(STATE_FILE)) return;
  const { name } = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { name: string };
  await dropDatabase(name);
  rmSync(STATE_FILE, { force: true });
}
