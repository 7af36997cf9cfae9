import Stripe from 'stripe';
import { newId } from './model.ts';

/** An event as Stripe sends it (a "snapshot" event: the object as it was when the event happened). */
export interface StripeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

export interface DeliveryAttempt {
  at: number;
  status: number | null;
  error?: string;
}

export interface EventRecord {
  event: StripeEvent;
  /** The endpoint it went to (null when no endpoint was configured). */
  url: string | null;
  attempts: DeliveryAttempt[];
  delivered: boolean;
  /** No more automatic retries (delivered, or the schedule is used up). */
  done: boolean;
}

export interface WebhookEndpoint {
  url: string | null;
  secret: string;
}

export interface DelivererOptions {
  endpoint: WebhookEndpoint;
  /** Waits between attempts after a failure; one more attempt than waits in all. */
  retrySchedule: number[];
  timeoutMs: number;
  apiVersion: string;
  clock: () => number;
}

/** The request that caused an event, copied into `event.request`. */
export interface RequestInfo {
  id: string | null;
  idempotencyKey: string | null;
}

/**
 * Keeps every event and posts each one to the configured endpoint, signed with the SDK's own
 * `Stripe.webhooks.generateTestHeaderString` and the endpoint secret, like Stripe: at least once, a
 * non-2xx answer or a timeout is retried on the schedule; events are independent (no ordering promise).
 */
export class Deliverer {
  readonly records: EventRecord[] = [];
  private readonly byId = new Map<string, EventRecord>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private inFlight = 0;
  private readonly waiters: (() => void)[] = [];
  private readonly closing = new AbortController();

  constructor(private readonly options: DelivererOptions) {}

  get endpoint(): WebhookEndpoint {
    return this.options.endpoint;
  }

  configure(change: Partial<WebhookEndpoint>): WebhookEndpoint {
    Object.assign(this.options.endpoint, change);
    return { ...this.options.endpoint };
  }

  emit(type: string, object: unknown, request: RequestInfo, previousAttributes?: Record<string, unknown>): StripeEvent {
    const event: StripeEvent = {
      id: newId('evt'),
      object: 'event',
      api_version: this.options.apiVersion,
      created: Math.floor(this.options.clock() / 1000),
      // A snapshot: later changes to the object must not show in an event already sent.
      data: { object: structuredClone(object), ...(previousAttributes ? { previous_attributes: structuredClone(previousAttributes) } : {}) },
      livemode: false,
      pending_webhooks: this.options.endpoint.url ? 1 : 0,
      request: { id: request.id, idempotency_key: request.idempotencyKey },
      type,
    };
    const record: EventRecord = { event, url: this.options.endpoint.url, attempts: [], delivered: false, done: !this.options.endpoint.url };
    this.records.push(record);
    this.byId.set(event.id, record);
    if (record.url) this.send(record);
    return event;
  }

  get(id: string): EventRecord | undefined {
    return this.byId.get(id);
  }

  /** Sends an event again now (to the current endpoint), whatever happened before. */
  resend(id: string): EventRecord | undefined {
    const record = this.byId.get(id);
    if (!record) return undefined;
    record.url = this.options.endpoint.url;
    if (!record.url) return record;
    record.done = false;
    this.send(record);
    return record;
  }

  private send(record: EventRecord): void {
    if (this.closing.signal.aborted) return;
    this.inFlight++;
    void this.attempt(record).finally(() => {
      this.inFlight--;
      this.checkIdle();
    });
  }

  private async attempt(record: EventRecord): Promise<void> {
    const url = record.url as string;
    const payload = JSON.stringify(record.event, null, 2);
    const header = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: this.options.endpoint.secret,
      timestamp: Math.floor(this.options.clock() / 1000),
    });
    const attempt: DeliveryAttempt = { at: this.options.clock(), status: null };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': header,
        },
        body: payload,
        signal: AbortSignal.any([AbortSignal.timeout(this.options.timeoutMs), this.closing.signal]),
      });
      attempt.status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (error) {
      attempt.error = error instanceof Error ? error.message : String(error);
    }
    record.attempts.push(attempt);
    if (attempt.status !== null && attempt.status >= 200 && attempt.status < 300) {
      record.delivered = true;
      record.done = true;
      return;
    }
    if (this.closing.signal.aborted) return;
    const failures = record.attempts.filter((a) => a.status === null || a.status < 200 || a.status >= 300).length;
    const wait = this.options.retrySchedule[failures - 1];
    if (wait === undefined || record.delivered) {
      record.done = true;
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!record.delivered) this.send(record);
      this.checkIdle();
    }, wait);
    timer.unref();
    this.timers.add(timer);
  }

  /** Resolves once nothing is being sent or waiting for a retry. */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.checkIdle();
    });
  }

  private checkIdle(): void {
    if (this.inFlight > 0 || this.timers.size > 0) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  reset(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.records.length = 0;
    this.byId.clear();
    this.checkIdle();
  }

  close(): void {
    this.closing.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
