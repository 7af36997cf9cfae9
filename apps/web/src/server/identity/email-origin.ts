import { headers } from 'next/headers';
import { normalizeHost, partnerAppUrl, whiteLabelForHost } from '@vitrine/api';
import { getDb } from '../db.ts';
import { getEnv } from '../env.ts';
import type { EmailOrigin } from './emails.ts';

/**
 * The origin of the emails a request asks for (verification, reset, sign-in link): on a partner's admin domain,
 * links back to that domain under the partner's product name, so its clients never meet Vitrine; else APP_URL.
 */
export async function requestEmailOrigin(): Promise<EmailOrigin> {
  const appUrl = getEnv().APP_URL;
  const host = normalizeHost((await headers()).get('host') ?? '');
  const partner = host ? await whiteLabelForHost(getDb().platform, host) : null;
  if (!partner || !host) return { appUrl };
  return { appUrl: partnerAppUrl(appUrl, host) ?? appUrl, brand: partner.name };
}
