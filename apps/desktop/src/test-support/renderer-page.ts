import { BRIDGE_METHODS, type BridgeEvent } from '../shared/bridge.ts';
import { createBridgeHandler } from '../main/app/bridge-handler.ts';
import type { DesktopApp } from '../main/app/types.ts';

/** The part of a Playwright Page this needs (so this package does not depend on Playwright). */
export interface BridgePage {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Playwright's own signature
  exposeBinding(name: string, callback: (source: unknown, ...args: any[]) => unknown): Promise<unknown>;
  addInitScript(script: (methods: string[]) => void, arg: string[]): Promise<unknown>;
  evaluate(script: (event: BridgeEvent) => void, arg: BridgeEvent): Promise<unknown>;
}

/**
 * Puts a real DesktopApp behind a browser page as the preload script puts it behind the Electron window:
 * `window.vitrine` has exactly the bridge methods (each call checked by createBridgeHandler, as the shell's
 * IPC handlers do) and `subscribe`, and the app's events reach the page's listeners.
 */
export async function exposeDesktopApp(page: BridgePage, app: DesktopApp): Promise<() => void> {
  const handle = createBridgeHandler(app.api);
  await page.exposeBinding('__vitrineInvoke', (_source: unknown, method: string, arg: unknown) => handle(method, arg));
  await page.addInitScript((methods: string[]) => {
    type Listener = (event: unknown) => void;
    const w = window as unknown as Record<string, unknown> & { __vitrineInvoke: (method: string, arg: unknown) => Promise<unknown> };
    const listeners = new Set<Listener>();
    const bridge: Record<string, unknown> = {};
    for (const method of methods) bridge[method] = (arg?: unknown) => w.__vitrineInvoke(method, arg);
    bridge.subscribe = (listener: Listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    w.__vitrineEmit = (event: unknown) => {
      for (const listener of listeners) listener(event);
    };
    Object.defineProperty(window, 'vitrine', { value: Object.freeze(bridge) });
  }, [...BRIDGE_METHODS]);
  return app.subscribe((event: BridgeEvent) => {
    page
      .evaluate((e: BridgeEvent) => (window as unknown as { __vitrineEmit?: (e: BridgeEvent) => void }).__vitrineEmit?.(e), event)
      .catch(() => undefined); // the page may be closing
  });
}
