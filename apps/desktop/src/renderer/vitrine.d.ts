import type { Bridge } from '../shared/bridge.ts';

declare global {
  interface Window {
    /** The main process's narrow API, exposed by the preload script (see src/shared/bridge.ts). */
    readonly vitrine: Bridge;
  }
}

export {};
