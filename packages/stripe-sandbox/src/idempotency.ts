import type { Reply } from './http.ts';

interface Saved {
  fingerprint: string;
  reply: Reply | null;
  savedAt: number;
}

export type IdempotencyCheck =
  | { kind: 'new' }
  | { kind: 'replay'; reply: Reply }
  | { kind: 'mismatch' }
  | { kind: 'in_flight' };

/** Stripe keeps keys at least 24 hours; the sandbox keeps them until reset. */
export class IdempotencyStore {
  private readonly saved = new Map<string, Saved>();

  constructor(private readonly clock: () => number) {}

  /** Claims `key` for this request, or says why it cannot run (replay of the first answer, or a conflict). */
  begin(key: string, fingerprint: string): IdempotencyCheck {
    const existing = this.saved.get(key);
    if (!existing) {
      this.saved.set(key, { fingerprint, reply: null, savedAt: this.clock() });
      return { kind: 'new' };
    }
    if (existing.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (!existing.reply) return { kind: 'in_flight' };
    return { kind: 'replay', reply: existing.reply };
  }

  finish(key: string, reply: Reply): void {
    const existing = this.saved.get(key);
    if (existing) existing.reply = reply;
  }

  /** The request failed before the endpoint ran (validation): nothing is saved, the key can be used again. */
  release(key: string): void {
    const existing = this.saved.get(key);
    if (existing && !existing.reply) this.saved.delete(key);
  }

  clear(): void {
    this.saved.clear();
  }
}
