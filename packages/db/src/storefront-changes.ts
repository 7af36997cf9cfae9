import pg from 'pg';

/** The channel the storefront triggers announce a changed store's id on (migration 20261128045100). */
export const STOREFRONT_CHANGED = 'storefront_changed';

export interface StorefrontChangeHandlers {
  /** A transaction that changed what `tenantId`'s pages show has committed. */
  changed(tenantId: string): void;
  /**
   * The connection was lost and is back: changes committed meanwhile were not heard, so everything cached must be
   * dropped. Also called once when listening starts.
   */
  reset(): void;
  /** The connection was lost: changes are not heard until `reset` is called again. */
  lost?(): void;
}

export interface StorefrontChangeListener {
  /** Resolves once LISTEN is active (the first time). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Listens on its own connection for committed storefront changes and reconnects (1 s, 2 s … up to 30 s) when the
 * connection drops, calling `reset` after each reconnection.
 */
export function listenStorefrontChanges(connectionString: string, handlers: StorefrontChangeHandlers): StorefrontChangeListener {
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = 1000;
  let timer: NodeJS.Timeout | null = null;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const connect = async () => {
    if (closed) return;
    const next = new pg.Client({ connectionString, application_name: 'vitrine-storefront-changes' });
    next.on('notification', (message) => {
      if (message.channel === STOREFRONT_CHANGED && message.payload) handlers.changed(message.payload);
    });
    next.on('error', () => retry(next));
    next.on('end', () => retry(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${STOREFRONT_CHANGED}`);
    } catch {
      retry(next);
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    retryMs = 1000;
    handlers.reset();
    markReady();
  };

  const retry = (failed: pg.Client) => {
    if (client === failed) handlers.lost?.();
    failed.removeAllListeners('end');
    failed.removeAllListeners('error');
    failed.on('error', () => undefined);
    void failed.end().catch(() => undefined);
    if (client === failed) client = null;
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, retryMs);
    timer.unref();
    retryMs = Math.min(retryMs * 2, 30_000);
  };

  void connect();
  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners('end');
        await current.end().catch(() => undefined);
      }
    },
  };
}
