import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSafeStorageVault, type SafeStorageVaultOptions } from './safe-storage-vault.ts';

type FakeSafeStorage = SafeStorageVaultOptions['safeStorage'] & { available: boolean };

/** Stands in for Electron's safeStorage with a real reversible cipher (AES-256-GCM, one random key per "keyring"). */
function fakeSafeStorage(): FakeSafeStorage {
  const key = randomBytes(32);
  return {
    available: true,
    isEncryptionAvailable() {
      return this.available;
    },
    encryptString(plainText) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const TOKEN = 'vtd_0123456789abcdefghijklmnopqrstuvwxyz';

describe('createSafeStorageVault', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitrine-vault-'));
    file = join(dir, 'token.json');
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives back the saved token, and the file holds only ciphertext', async () => {
    const vault = createSafeStorageVault({ file, safeStorage: fakeSafeStorage() });
    await vault.save(TOKEN);
    expect(await vault.load()).toBe(TOKEN);

    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(TOKEN);
    expect(JSON.parse(text)).toEqual({ version: 1, encrypted: expect.any(String) });

    await vault.save('vtd_second');
    expect(await vault.load()).toBe('vtd_second');
    expect(await readdir(dir)).toEqual(['token.json']);
  });

  it('returns null when nothing was saved', async () => {
    const vault = createSafeStorageVault({ file, safeStorage: fakeSafeStorage() });
    expect(await vault.load()).toBeNull();
  });

  it('forgets a file that is not JSON', async () => {
    await writeFile(file, '{ not json');
    const vault = createSafeStorageVault({ file, safeStorage: fakeSafeStorage() });
    expect(await vault.load()).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('forgets a file from another keyring that cannot be decrypted', async () => {
    await createSafeStorageVault({ file, safeStorage: fakeSafeStorage() }).save(TOKEN);
    const vault = createSafeStorageVault({ file, safeStorage: fakeSafeStorage() });
    expect(await vault.load()).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('forgets a file of an unknown version', async () => {
    const safeStorage = fakeSafeStorage();
    await writeFile(file, JSON.stringify({ version: 2, encrypted: safeStorage.encryptString(TOKEN).toString('base64') }));
    expect(await createSafeStorageVault({ file, safeStorage }).load()).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses to save without secure storage and writes nothing', async () => {
    const safeStorage = fakeSafeStorage();
    safeStorage.available = false;
    const vault = createSafeStorageVault({ file, safeStorage });
    await expect(vault.save(TOKEN)).rejects.toThrow(/no secure storage/);
    expect(await readdir(dir)).toEqual([]);
  });

  it("refuses Linux's basic_text backend (a hard-coded key)", async () => {
    const safeStorage = { ...fakeSafeStorage(), getSelectedStorageBackend: () => 'basic_text' };
    await expect(createSafeStorageVault({ file, safeStorage }).save(TOKEN)).rejects.toThrow(/no secure storage/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the file while secure storage is unavailable, and reads it once it is back', async () => {
    const safeStorage = fakeSafeStorage();
    const vault = createSafeStorageVault({ file, safeStorage });
    await vault.save(TOKEN);
    safeStorage.available = false;
    expect(await vault.load()).toBeNull();
    safeStorage.available = true;
    expect(await vault.load()).toBe(TOKEN);
  });

  it('clear removes the file, and clearing twice is fine', async () => {
    const vault = createSafeStorageVault({ file, safeStorage: fakeSafeStorage() });
    await vault.save(TOKEN);
    await vault.clear();
    await vault.clear();
    expect(await readdir(dir)).toEqual([]);
    expect(await vault.load()).toBeNull();
  });

  it.skipIf(process.platform === 'win32')('writes the file readable by its owner only (0600)', async () => {
    const vault = createSafeStorageVault({ file, safeStorage: fakeSafeStorage() });
    await writeFile(file, 'old', { mode: 0o644 });
    await vault.save(TOKEN);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('creates a missing data directory', async () => {
    const nested = join(dir, 'a', 'b', 'token.json');
    const vault = createSafeStorageVault({ file: nested, safeStorage: fakeSafeStorage() });
    await vault.save(TOKEN);
    expect(await vault.load()).toBe(TOKEN);
  });
});
