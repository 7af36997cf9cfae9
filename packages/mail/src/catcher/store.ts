import { randomUUID } from 'node:crypto';

export interface CaughtMessage {
  id: string;
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string | null;
  /** The X-Vitrine-Kind header, when the sender set one. */
  kind: string | null;
  receivedAt: string;
  /** Every http(s) link in the text and the HTML, in order, without repeats. */
  links: string[];
}

const LINK = /https?:\/\/[^\s"'<>)]+/g;

const decodeEntities = (value: string) =>
  value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

export function extractLinks(text: string, html: string | null): string[] {
  const found = [...text.matchAll(LINK), ...(html ? decodeEntities(html).matchAll(LINK) : [])].map((m) => m[0].replace(/[.,;:]+$/, ''));
  return [...new Set(found)];
}

/** The newest `limit` messages in memory; older ones fall off. */
export class MessageStore {
  private messages: CaughtMessage[] = [];
  constructor(private readonly limit = 1_000) {}

  add(message: Omit<CaughtMessage, 'id' | 'receivedAt' | 'links'>, receivedAt = new Date()): CaughtMessage {
    const stored: CaughtMessage = {
      ...message,
      to: message.to.map((a) => a.toLowerCase()),
      id: randomUUID(),
      receivedAt: receivedAt.toISOString(),
      links: extractLinks(message.text, message.html),
    };
    this.messages.push(stored);
    if (this.messages.length > this.limit) this.messages.splice(0, this.messages.length - this.limit);
    return stored;
  }

  /** Newest first; `to` keeps the messages addressed to that address (case-insensitive). */
  list(to?: string): CaughtMessage[] {
    const wanted = to?.trim().toLowerCase();
    return this.messages.filter((m) => !wanted || m.to.includes(wanted)).reverse();
  }

  get(id: string): CaughtMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }

  clear(): number {
    const count = this.messages.length;
    this.messages = [];
    return count;
  }
}
