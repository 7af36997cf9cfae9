import type { BridgeApi, BridgeEvent } from '../../shared/bridge.ts';

/**
 * Where the desktop token lives between runs. The Electron shell keeps it encrypted with the operating
 * system's secure storage (safeStorage); tests keep it in memory.
 */
export interface TokenVault {
  load(): Promise<string | null>;
  save(token: string): Promise<void>;
  clear(): Promise<void>;
}

export interface DesktopAppOptions {
  /** The app's own directory (Electron's userData): settings.json and one local store per store (tenant). */
  dataDir: string;
  /** The web app's address, e.g. https://app.vitrine.example or http://localhost:3000. */
  platformUrl: string;
  vault: TokenVault;
  /** Shown on the activation page and in the person's list of desktop tokens. */
  deviceName?: string;
  /** Between background syncs while online (default 30 s). */
  syncIntervalMs?: number;
  /** Opens a URL in the system browser (the shell passes shell.openExternal). */
  openExternal?: (url: string) => Promise<void>;
  /** The fetch used for every platform call (default: global fetch). */
  fetch?: typeof fetch;
}

export interface DesktopApp {
  /** What the renderer may call (validate the renderer's arguments with createBridgeHandler first). */
  api: BridgeApi;
  /** The main process's events for the renderer (and the shell's desktop notifications). */
  subscribe(listener: (event: BridgeEvent) => void): () => void;
  /** Stops the background loops and closes the local store. */
  close(): Promise<void>;
}
