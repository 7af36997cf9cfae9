import { mkdir } from 'node:fs/promises';
import type { AppStatus, BridgeApi, BridgeEvent, SignInPrompt, StoreChoice } from '../../shared/bridge.ts';
import { enqueueAnswer, flushOutbox } from '../outbox/outbox.ts';
import { openLocalStore, type LocalStore } from '../store/store.ts';
import { syncOnce } from '../sync/sync.ts';
import { OfflineError, RateLimitedError, SignedOutError } from '../sync/transport.ts';
import { createPlatformClient, normalizePlatformUrl, platformCall, platformTransport } from './platform-client.ts';
import { readSettings, storeDir, writeSettings, type Settings } from './settings.ts';
import { deleteTemplate, listTemplates, saveTemplate } from './templates.ts';
import type { DesktopApp, DesktopAppOptions } from './types.ts';
import { accountViews, outboxCounts, outboxView, outboxViews, plain, questionForAnswer, readLastSynced, saveLastSynced, unansweredIds } from './views.ts';

const DEFAULT_SYNC_INTERVAL_MS = 30_000;
/** Offline, the next try comes after 1, 2, 4… seconds, at most this long. */
const MAX_RETRY_MS = 15_000;

const NOT_READY = 'Sign in and choose a store first.';

interface PendingSignIn {
  deviceCode: string;
  prompt: SignInPrompt;
  intervalMs: number;
  timer: NodeJS.Timeout | null;
}

/**
 * The desktop app behind the bridge: the signed-in person and their store, the local store on disk, the
 * background loop (send the outbox, then pull the change feed; every 30 s online, sooner after a failure
 * offline), and the events the renderer and the shell listen to. Everything the seller reads comes from the
 * local store, so the app works the same with no network.
 */
export async function createDesktopApp(options: DesktopAppOptions): Promise<DesktopApp> {
  const platformUrl = normalizePlatformUrl(options.platformUrl);
  const syncIntervalMs = options.syncIntervalMs ?? DEFAULT_SYNC_INTERVAL_MS;
  const listeners = new Set<(event: BridgeEvent) => void>();

  let settings: Settings = await readSettings(options.dataDir);
  let token: string | null = await options.vault.load();
  if (!token && (settings.user || settings.store)) settings = { ...settings, user: null, store: null };

  const client = createPlatformClient({ platformUrl, token: () => token, tenantId: () => settings.store?.id ?? null, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const transport = platformTransport(client);

  let store: LocalStore | null = null;
  let stores: StoreChoice[] = [];
  let connection: AppStatus['connection'] = 'online';
  let progress: AppStatus['progress'] = null;
  let error: string | null = null;
  let lastSyncedAt: Date | null = null;
  let outbox = { pending: 0, conflicts: 0 };
  let signIn: PendingSignIn | null = null;
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  // ------------------------------------------------------------------------------------------ state out

  const emit = (event: BridgeEvent) => {
    for (const listener of listeners) listener(event);
  };

  function phase(): AppStatus['phase'] {
    if (token) return settings.store ? 'ready' : 'choose-store';
    return signIn ? 'signing-in' : 'signed-out';
  }

  function status(): AppStatus {
    return {
      connection,
      phase: phase(),
      user: token ? settings.user : null,
      store: token ? settings.store : null,
      stores,
      lastSyncedAt: lastSyncedAt?.toISOString() ?? null,
      progress,
      outbox,
      error,
      signIn: token ? null : (signIn?.prompt ?? null),
      deviceName: options.deviceName ?? '',
    };
  }

  const emitStatus = () => emit({ type: 'status', status: status() });

  async function refreshOutbox() {
    if (!store) return;
    outbox = await outboxCounts(store);
    emit({ type: 'outbox', ...outbox });
  }

  function requireStore(): LocalStore {
    if (!store || !token) throw new Error(NOT_READY);
    return store;
  }

  // ------------------------------------------------------------------------------------------ failures

  /** What a failed platform call means for the app; returns the sentence to show. */
  async function absorb(failure: unknown): Promise<void> {
    if (failure instanceof OfflineError) {
      connection = 'offline';
      failures += 1;
      return;
    }
    connection = 'online';
    if (failure instanceof SignedOutError) {
      await forget(`This computer was signed out: ${failure.message}`);
      return;
    }
    error = failure instanceof RateLimitedError ? 'The platform asked this app to slow down; it will try again shortly.' : messageOf(failure);
  }

  /** Signs out on this computer (the local data stays on disk for the next sign-in to the same store). */
  async function forget(reason: string | null) {
    token = null;
    stores = [];
    settings = { ...settings, user: null, store: null };
    await options.vault.clear();
    await writeSettings(options.dataDir, settings);
    await closeStore();
    stopTimer();
    error = reason;
  }

  // ------------------------------------------------------------------------------------------ the loop

  let work: Promise<void> | null = null;
  let wantSync = false;
  let wantFlush = false;

  /** Runs the requested work one piece at a time (flush and sync never overlap); resolves when all is done. */
  function kick(kind: 'sync' | 'flush'): Promise<void> {
    if (kind === 'sync') wantSync = true;
    else wantFlush = true;
    work ??= (async () => {
      try {
        while (!closed && (wantSync || wantFlush)) {
          const full = wantSync;
          wantSync = false;
          wantFlush = false;
          await cycle(full);
        }
      } finally {
        work = null;
        schedule();
      }
    })();
    return work;
  }

  async function cycle(full: boolean) {
    const local = store;
    if (!local || !token) return;
    try {
      const flushed = await flushOutbox(local, transport);
      await refreshOutbox();
      if (flushed.stoppedBy) throw flushed.stoppedBy;
      if (full) await pull(local);
      connection = 'online';
      failures = 0;
      error = null;
    } catch (failure) {
      await absorb(failure);
    } finally {
      progress = null;
      emitStatus();
    }
  }

  async function pull(local: LocalStore) {
    const before = lastSyncedAt ? await unansweredIds(local) : null;
    await syncOnce(local, transport, {
      onProgress(step) {
        progress = step;
        emitStatus();
      },
    });
    lastSyncedAt = new Date();
    await saveLastSynced(local, lastSyncedAt);
    if (before) {
      const fresh = (await local.unansweredQuestions()).filter((q) => !before.has(q.id));
      if (fresh.length > 0) emit({ type: 'new-questions', questions: fresh.map((q) => ({ id: q.id, accountId: q.accountId, text: q.text })) });
    }
  }

  function stopTimer() {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function schedule() {
    stopTimer();
    if (closed || !token || !store) return;
    const delay = connection === 'offline' ? Math.min(1000 * 2 ** Math.max(0, failures - 1), MAX_RETRY_MS) : syncIntervalMs;
    timer = setTimeout(() => void kick('sync'), delay);
    timer.unref?.();
  }

  // ------------------------------------------------------------------------------------------ stores

  async function closeStore() {
    const local = store;
    store = null;
    lastSyncedAt = null;
    outbox = { pending: 0, conflicts: 0 };
    await local?.close();
  }

  /** Lets the loop's current piece of work end (not from inside the loop: it would wait for itself). */
  async function settle() {
    stopTimer();
    if (work) await work.catch(() => undefined);
  }

  async function openStore(choice: StoreChoice) {
    await closeStore();
    const dir = storeDir(options.dataDir, choice.id);
    await mkdir(dir, { recursive: true });
    store = await openLocalStore({ dataDir: dir });
    lastSyncedAt = await readLastSynced(store);
    outbox = await outboxCounts(store);
  }

  async function loadStores(): Promise<StoreChoice[]> {
    const mine = await platformCall(() => client.tenant.mine.query());
    stores = mine.filter((t) => t.status !== 'SUSPENDED').map((t) => ({ id: t.id, name: t.name, slug: t.slug }));
    return stores;
  }

  async function choose(choice: StoreChoice) {
    await settle();
    await openStore(choice);
    settings = { ...settings, store: choice };
    await writeSettings(options.dataDir, settings);
    emitStatus();
    void kick('sync');
  }

  // ------------------------------------------------------------------------------------------ sign-in

  function stopSignIn() {
    if (signIn?.timer) clearTimeout(signIn.timer);
    signIn = null;
  }

  function pollLater(pending: PendingSignIn) {
    pending.timer = setTimeout(() => void poll(pending), pending.intervalMs);
    pending.timer.unref?.();
  }

  async function poll(pending: PendingSignIn) {
    if (signIn !== pending || closed) return;
    if (Date.parse(pending.prompt.expiresAt) <= Date.now()) {
      stopSignIn();
      error = 'The sign-in code expired before it was approved. Start again.';
      emitStatus();
      return;
    }
    try {
      const answer = await platformCall(() => client.desktop.poll.mutate({ deviceCode: pending.deviceCode }));
      connection = 'online';
      if (signIn !== pending) return;
      if (answer.status === 'pending') return pollLater(pending);
      stopSignIn();
      token = answer.token;
      await options.vault.save(answer.token);
      settings = { ...settings, user: { email: answer.user.email } };
      await writeSettings(options.dataDir, settings);
      error = null;
      const mine = await loadStores().catch(async (failure: unknown) => {
        await absorb(failure);
        return [];
      });
      if (mine.length === 1) return await choose(mine[0]!);
      if (mine.length === 0 && !error && connection === 'online') error = 'This account has no store yet: create one on the web first.';
      emitStatus();
    } catch (failure) {
      if (failure instanceof OfflineError || failure instanceof RateLimitedError) {
        if (failure instanceof OfflineError) connection = 'offline';
        emitStatus();
        return pollLater(pending);
      }
      stopSignIn();
      error = messageOf(failure);
      emitStatus();
    }
  }

  // ------------------------------------------------------------------------------------------ the bridge

  const api: BridgeApi = {
    async status() {
      return status();
    },

    async startSignIn({ deviceName }) {
      if (token) throw new Error('This computer is already signed in.');
      stopSignIn();
      let started;
      try {
        started = await platformCall(() => client.desktop.startLogin.mutate({ deviceName: deviceName || options.deviceName || 'Desktop' }));
      } catch (failure) {
        if (failure instanceof OfflineError) {
          connection = 'offline';
          emitStatus();
          throw new Error('The platform cannot be reached right now. Check the connection and try again.', { cause: failure });
        }
        throw new Error(messageOf(failure), { cause: failure });
      }
      connection = 'online';
      error = null;
      const prompt: SignInPrompt = {
        userCode: started.userCode,
        verificationUri: started.verificationUri,
        verificationUriComplete: started.verificationUriComplete,
        expiresAt: new Date(Date.now() + started.expiresIn * 1000).toISOString(),
      };
      const pending: PendingSignIn = { deviceCode: started.deviceCode, prompt, intervalMs: started.interval * 1000 + 100, timer: null };
      signIn = pending;
      pollLater(pending);
      emitStatus();
      return prompt;
    },

    async cancelSignIn() {
      stopSignIn();
      emitStatus();
      return status();
    },

    async openSignInPage() {
      const url = signIn?.prompt.verificationUriComplete;
      if (!url) throw new Error('Start signing in first.');
      if (!url.startsWith(`${platformUrl}/`)) throw new Error('The sign-in page is not on the platform this app is set up for.');
      if (!options.openExternal) throw new Error(`Open ${url} in your browser.`);
      await options.openExternal(url);
    },

    async signOut() {
      stopSignIn();
      // Revokes this token on the platform when it can be reached; offline, it is forgotten here all the same.
      await settle();
      await platformCall(() => client.desktop.signOut.mutate()).catch(() => undefined);
      await forget(null);
      emitStatus();
      return status();
    },

    async chooseStore({ tenantId }) {
      if (!token) throw new Error('Sign in first.');
      const known = stores.find((s) => s.id === tenantId) ?? (await loadStores()).find((s) => s.id === tenantId);
      if (!known) throw new Error('You do not have access to this store.');
      await choose(known);
      return status();
    },

    async syncNow() {
      if (token && !settings.store) {
        await loadStores()
          .then(() => (connection = 'online'))
          .catch(absorb);
        emitStatus();
        return status();
      }
      requireStore();
      await kick('sync');
      return status();
    },

    async accounts() {
      return accountViews(requireStore());
    },

    async orders(input) {
      const page = await requireStore().listOrders({
        ...(input.accountId ? { accountId: input.accountId } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(input.from ? { from: new Date(input.from) } : {}),
        ...(input.to ? { to: new Date(input.to) } : {}),
        ...(input.q ? { q: input.q } : {}),
        ...(input.before ? { before: input.before } : {}),
        limit: input.limit ?? 50,
      });
      return plain(page);
    },

    async order({ id }) {
      return plain(await requireStore().order(id));
    },

    async questions({ accountId }) {
      return plain(await requireStore().unansweredQuestions(accountId));
    },

    async answer({ questionId, text }) {
      const local = requireStore();
      const question = await questionForAnswer(local, questionId);
      const item = await enqueueAnswer(local, { questionId, accountId: question.accountId, text });
      await refreshOutbox();
      void kick('flush');
      return outboxView(local, item.id);
    },

    async outbox() {
      return outboxViews(requireStore());
    },

    async discardAnswer({ id }) {
      const local = requireStore();
      const removed = await local.query<{ id: string }>(`DELETE FROM outbox WHERE id = $1 AND status IN ('pending', 'conflict') RETURNING id`, [id]);
      if (removed.length === 0) throw new Error('This answer was already sent or discarded.');
      await refreshOutbox();
    },

    async templates() {
      return listTemplates(requireStore());
    },

    async saveTemplate(input) {
      return saveTemplate(requireStore(), input);
    },

    async deleteTemplate({ id }) {
      await deleteTemplate(requireStore(), id);
    },
  };

  // ------------------------------------------------------------------------------------------ start

  if (token && settings.store) {
    await openStore(settings.store);
    void kick('sync');
  } else if (token) {
    await loadStores().catch(absorb);
  }

  return {
    api,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      stopSignIn();
      await settle();
      await closeStore();
      listeners.clear();
    },
  };
}

function messageOf(failure: unknown): string {
  return failure instanceof Error && failure.message ? failure.message : 'Something went wrong; try again.';
}
