import { randomUUID } from 'node:crypto';
import { utcDate } from './dates.ts';

/** The body ML posts (reference §2); `actions` only for sub-topic models such as messages. */
export interface NotificationBody {
  _id: string;
  resource: string;
  user_id: number;
  topic: string;
  application_id: number;
  attempts: number;
  sent: string;
  received: string;
  actions?: string[];
}

export interface MissedFeed extends NotificationBody {
  request: { url: string; headers: Record<string, string | number>; data: string };
  response: { req_time: number; http_code: number; body: string; headers: Record<string, string> };
}

export interface NotificationSettings {
  /** Each notification is sent this many extra times (same `_id`), as slow acks make ML do. */
  duplicates: number;
  /** Reorder each batch of notifications produced together. */
  shuffle: boolean;
  /** Hold notifications (and retries) until unpaused. */
  paused: boolean;
}

interface Delivery {
  base: Omit<NotificationBody, 'attempts' | 'sent'>;
  url: string;
  clientId: string;
  attempts: number;
}

export interface NotifierTarget {
  clientId: string;
  notificationsUrl?: string;
}

export interface NotifierOptions {
  targets: NotifierTarget[];
  retrySchedule: number[];
  timeoutMs: number;
  concurrency: number;
  clock: () => number;
}

export const MISSED_FEED_RETENTION_MS = 2 * 86_400_000;

/**
 * Posts notifications to each application's callback the way ML does: a reply other than 200 within the
 * timeout is a failed attempt, retried on the schedule with `attempts` incremented; a notification that
 * exhausts its attempts is kept for /missed_feeds (2 days).
 */
export class Notifier {
  readonly settings: NotificationSettings = { duplicates: 0, shuffle: false, paused: false };
  readonly stats = { sent: 0, failed: 0, missed: 0 };
  private batch: Delivery[] = [];
  private flushScheduled: NodeJS.Immediate | null = null;
  private readonly queue: Delivery[] = [];
  private inFlight = 0;
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly missed = new Map<string, { feed: MissedFeed; recordedAt: number }[]>();
  private readonly waiters: (() => void)[] = [];
  private readonly closing = new AbortController();

  constructor(private readonly options: NotifierOptions) {}

  configure(change: Partial<NotificationSettings>): NotificationSettings {
    Object.assign(this.settings, change);
    this.pump();
    this.checkIdle();
    return { ...this.settings };
  }

  /** Queues one notification per application with a callback URL. Returns the bodies as first sent. */
  publish(topic: string, resource: string, userId: number, actions?: string[]): Omit<NotificationBody, 'attempts' | 'sent'>[] {
    if (this.closing.signal.aborted) return [];
    const received = utcDate(this.options.clock());
    const created: Omit<NotificationBody, 'attempts' | 'sent'>[] = [];
    for (const target of this.options.targets) {
      if (!target.notificationsUrl) continue;
      const base = { _id: randomUUID(), resource, user_id: userId, topic, application_id: Number(target.clientId), received, ...(actions ? { actions } : {}) };
      created.push(base);
      this.batch.push({ base, url: target.notificationsUrl, clientId: target.clientId, attempts: 0 });
    }
    // Notifications produced in the same tick form one batch, which `shuffle` reorders.
    this.flushScheduled ??= setImmediate(() => this.flush());
    return created;
  }

  private flush(): void {
    this.flushScheduled = null;
    let batch = this.batch;
    this.batch = [];
    if (this.settings.duplicates > 0) {
      batch = batch.flatMap((delivery) => Array.from({ length: 1 + this.settings.duplicates }, () => ({ ...delivery })));
    }
    if (this.settings.shuffle) batch = shuffled(batch);
    this.queue.push(...batch);
    this.pump();
    this.checkIdle();
  }

  private pump(): void {
    while (!this.settings.paused && !this.closing.signal.aborted && this.inFlight < this.options.concurrency && this.queue.length > 0) {
      const delivery = this.queue.shift() as Delivery;
      this.inFlight++;
      void this.deliver(delivery).finally(() => {
        this.inFlight--;
        this.pump();
        this.checkIdle();
      });
    }
  }

  private async deliver(delivery: Delivery): Promise<void> {
    delivery.attempts++;
    const startedAt = Date.now();
    const body: NotificationBody = { ...delivery.base, attempts: delivery.attempts, sent: utcDate(this.options.clock()) };
    const data = JSON.stringify(body);
    let httpCode = 0;
    let responseBody = '';
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: data,
        signal: AbortSignal.any([AbortSignal.timeout(this.options.timeoutMs), this.closing.signal]),
      });
      httpCode = response.status;
      responseBody = await response.text();
    } catch {
      // Timeout, refused connection or close(): all count as "not acknowledged".
      httpCode = httpCode === 200 ? 0 : httpCode;
    }
    const elapsed = Date.now() - startedAt;
    if (httpCode === 200 && elapsed <= this.options.timeoutMs) {
      this.stats.sent++;
      return;
    }
    this.stats.failed++;
    if (this.closing.signal.aborted) return;
    const wait = this.options.retrySchedule[delivery.attempts - 1];
    if (wait !== undefined) {
      const timer = setTimeout(() => {
        this.retryTimers.delete(timer);
        this.queue.push(delivery);
        this.pump();
        this.checkIdle();
      }, wait);
      timer.unref();
      this.retryTimers.add(timer);
      return;
    }
    this.stats.missed++;
    const feed: MissedFeed = {
      ...body,
      request: { url: delivery.url, headers: { accept: 'application/json', 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }, data },
      response: { req_time: elapsed, http_code: httpCode, body: responseBody.slice(0, 1_000), headers: {} },
    };
    const list = this.missed.get(delivery.clientId) ?? [];
    list.push({ feed, recordedAt: this.options.clock() });
    this.missed.set(delivery.clientId, list);
  }

  /** Missed notifications of an application still within the 2-day retention, oldest first. */
  missedFeeds(clientId: string): MissedFeed[] {
    const list = this.missed.get(clientId) ?? [];
    const cutoff = this.options.clock() - MISSED_FEED_RETENTION_MS;
    const kept = list.filter((entry) => entry.recordedAt > cutoff);
    if (kept.length !== list.length) this.missed.set(clientId, kept);
    return kept.map((entry) => entry.feed);
  }

  get pending(): number {
    return this.batch.length + this.queue.length + this.inFlight + this.retryTimers.size;
  }

  /** Resolves once nothing is being sent or waiting for a retry (queued notifications held by `paused` excepted). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.checkIdle();
    });
  }

  private checkIdle(): void {
    const held = this.settings.paused ? this.queue.length : 0;
    if (this.flushScheduled || this.inFlight > 0 || this.retryTimers.size > 0 || this.queue.length - held > 0) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  close(): void {
    this.closing.abort();
    if (this.flushScheduled) clearImmediate(this.flushScheduled);
    this.flushScheduled = null;
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    this.queue.length = 0;
    this.batch = [];
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}

function shuffled<T>(list: T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  // A shuffle that happens to keep the order proves nothing to a test asking for disorder.
  if (copy.length > 1 && copy.every((item, index) => item === list[index])) copy.push(copy.shift() as T);
  return copy;
}
