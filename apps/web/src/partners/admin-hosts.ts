import { getDb } from '../server/db.ts';

/**
 * Whether a host (lower case, no port) is a partner's admin domain, for the proxy: such a host serves the admin
 * (under the partner's brand), not a store. Answers are kept in process briefly — yes for 30 s, no for 5 s — so
 * store traffic costs at most one indexed lookup per host every few seconds; a new or moved admin domain is
 * picked up within that time.
 */
const YES_TTL_MS = 30_000;
const NO_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

const answers = new Map<string, { partner: boolean; until: number }>();

export async function isPartnerAdminHost(host: string): Promise<boolean> {
  const now = Date.now();
  const cached = answers.get(host);
  if (cached && cached.until > now) return cached.partner;
  let partner: boolean;
  try {
    partner = (await getDb().platform.partner.count({ where: { adminDomain: host } })) > 0;
  } catch (error) {
    // The store side stays up if the lookup fails; the admin domain answers again on the next try.
    console.error('[proxy] partner admin host lookup failed', error);
    return false;
  }
  if (answers.size >= MAX_ENTRIES) answers.clear();
  answers.set(host, { partner, until: now + (partner ? YES_TTL_MS : NO_TTL_MS) });
  return partner;
}
