import type { TokenVault } from '../main/app/types.ts';

/** A TokenVault that keeps the token in this process only (tests; the app uses the shell's safeStorage vault). */
export function memoryVault(initial: string | null = null): TokenVault & { token: string | null } {
  const vault = {
    token: initial,
    load: async () => vault.token,
    save: async (token: string) => {
      vault.token = token;
    },
    clear: async () => {
      vault.token = null;
    },
  };
  return vault;
}
