import { expect } from 'vitest';
import type { ApiHarness } from '../../test-support/harness.ts';

/** The newest email of `kind` (buyer.verify, buyer.reset) to `to` in the outbox, with the token of its link. */
export async function lastBuyerEmail(h: ApiHarness, to: string, kind: 'buyer.verify' | 'buyer.reset') {
  const rows = await h.owner.outboxJob.findMany({ where: { queue: 'email', name: 'email.send' }, orderBy: { createdAt: 'asc' } });
  const mine = rows
    .map((r) => r.payload as { to: string; subject: string; text: string; kind: string; tenantId?: string })
    .filter((p) => p.to === to && p.kind === kind);
  expect(mine.length, `an email ${kind} to ${to}`).toBeGreaterThan(0);
  const email = mine.at(-1)!;
  const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(email.text)?.[1];
  expect(token, 'the link carries a token').toBeTruthy();
  return { ...email, token: token! };
}
