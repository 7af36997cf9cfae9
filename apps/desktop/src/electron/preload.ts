import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_METHODS,
  EVENT_CHANNEL,
  invokeChannel,
  type Bridge,
  type BridgeApi,
  type BridgeEvent,
} from '../shared/bridge.ts';

/**
 * Exposes `window.vitrine`: one function per bridge method, each forwarding its single argument to the main
 * process (which checks the sender and validates the argument), plus `subscribe`. ipcRenderer itself never
 * reaches the page. Runs sandboxed, so it is bundled into one CommonJS file (dist/electron/preload.cjs).
 */
const methods = Object.fromEntries(
  BRIDGE_METHODS.map((method) => [method, (arg?: unknown) => ipcRenderer.invoke(invokeChannel(method), arg)]),
) as unknown as BridgeApi;

const bridge: Bridge = {
  ...methods,
  subscribe(listener) {
    const handler = (_event: IpcRendererEvent, event: BridgeEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('vitrine', bridge);
