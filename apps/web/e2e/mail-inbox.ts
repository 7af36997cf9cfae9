import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { STATE_FILE } from './constants.ts';

/** The run's mail catcher (every email the platform sends during the e2e run lands there). */
export const inbox = () => (JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { mailInboxUrl: string }).mailInboxUrl;

export interface Email {
  subject: string;
  receivedAt: string;
  links: string[];
}

/** The newest email to `to` with this subject received after `since`, read from the run's mail catcher. */
export async function emailTo(to: string, subject: string, since: number): Promise<Email> {
  let found: Email | undefined;
  await expect
    .poll(
      async () => {
        const list = (await (await fetch(`${inbox()}/messages?to=${encodeURIComponent(to)}`)).json()) as Email[];
        found = list.find((m) => m.subject === subject && Date.parse(m.receivedAt) >= since);
        return Boolean(found);
      },
      { timeout: 20_000, message: `an email "${subject}" to ${to}` },
    )
    .toBe(true);
  return found!;
}
