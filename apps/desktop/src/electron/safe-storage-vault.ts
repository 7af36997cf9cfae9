import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SafeStorage } from 'electron';
import type { TokenVault } from '../main/app/types.ts';

/**
 * The desktop token, encrypted with the operating system's secure storage (Electron's safeStorage: Keychain,
 * DPAPI, libsecret/KWallet) and kept in one small JSON file. safeStorage is a parameter so that this module
 * never loads Electron and runs under Node in tests.
 */
export interface SafeStorageVaultOptions {
  file: string;
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
    /** Linux only (absent elsewhere at runtime): 'basic_text' means a hard-coded key, i.e. no real protection. */
    getSelectedStorageBackend?: () => string;
  };
}

const VERSION = 1;

interface VaultFile {
  version: typeof VERSION;
  /** base64 of safeStorage.encryptString(token). */
  encrypted: string;
}

export function createSafeStorageVault({ file, safeStorage }: SafeStorageVaultOptions): TokenVault {
  function canProtect(): boolean {
    if (!safeStorage.isEncryptionAvailable()) return false;
    return safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
  }

  function decrypt(text: string): string | null {
    try {
      const parsed = JSON.parse(text) as Partial<VaultFile> | null;
      if (parsed?.version !== VERSION || typeof parsed.encrypted !== 'string') return null;
      const token = safeStorage.decryptString(Buffer.from(parsed.encrypted, 'base64'));
      return token === '' ? null : token;
    } catch {
      return null;
    }
  }

  async function clear(): Promise<void> {
    await rm(file, { force: true });
  }

  return {
    async load() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      // Without the keyring (not unlocked yet, or before the app is ready) the file may still be good later.
      if (!safeStorage.isEncryptionAvailable()) return null;
      const token = decrypt(text);
      if (token === null) {
        // Unreadable for good (damaged, or the OS keyring changed): forget it; the person signs in again.
        await clear();
        return null;
      }
      return token;
    },

    async save(token) {
      if (token === '') throw new Error('There is no sign-in to remember.');
      if (!canProtect()) {
        throw new Error(
          'The sign-in cannot be remembered because this computer offers no secure storage for it (on Linux, install and unlock a keyring such as GNOME Keyring or KWallet).',
        );
      }
      const content: VaultFile = { version: VERSION, encrypted: safeStorage.encryptString(token).toString('base64') };
      await writeAtomically(file, `${JSON.stringify(content)}\n`);
    },

    clear,
  };
}

/** A crash leaves either the old file or the new one, never half of one. */
async function writeAtomically(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
