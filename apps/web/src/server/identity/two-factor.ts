import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { PlatformDb } from '@vitrine/db';
import { decryptSecret, encryptSecret, type KeyRing } from '@vitrine/core/crypto';

/**
 * TOTP second factor (RFC 6238, 30-second steps, 6 digits). The secret is sealed with the data key ring,
 * bound to the user id; a pending secret (enrolment not confirmed) has totp_enabled_at null. The last accepted
 * time step is stored, so a code is accepted once; ten recovery codes are kept as salted SHA-256.
 */
export const RECOVERY_CODE_COUNT = 10;
/** One step either side of now: a phone a little ahead or behind still works. */
const EPOCH_TOLERANCE_SECONDS = 30;

const aad = (userId: string) => `users.totp_secret:${userId}`;

export interface Enrolment {
  secret: string;
  /** otpauth:// URI, as a QR code data URL for authenticator apps. */
  qrDataUrl: string;
}

/** Starts (or restarts) enrolment: a new secret, stored sealed and not yet enabled. Refused when 2FA is already on. */
export async function beginEnrolment(db: PlatformDb, keyRing: KeyRing, user: { id: string; email: string }): Promise<Enrolment | null> {
  const secret = generateSecret();
  const updated = await db.user.updateMany({
    where: { id: user.id, totpEnabledAt: null },
    data: { totpSecretEnc: encryptSecret(secret, keyRing, aad(user.id)), totpLastStep: null },
  });
  if (updated.count !== 1) return null;
  const uri = generateURI({ issuer: 'Vitrine', label: user.email, secret });
  return { secret, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 240 }) };
}

/** The pending secret (to show again while enrolment is unconfirmed), or null. */
export async function pendingSecret(db: PlatformDb, keyRing: KeyRing, userId: string): Promise<Enrolment | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { email: true, totpSecretEnc: true, totpEnabledAt: true } });
  if (!row?.totpSecretEnc || row.totpEnabledAt) return null;
  const secret = decryptSecret(row.totpSecretEnc, keyRing, aad(userId));
  const uri = generateURI({ issuer: 'Vitrine', label: row.email, secret });
  return { secret, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 240 }) };
}

const normalCode = (code: string) => code.replace(/[\s-]/g, '');

/**
 * Checks a 6-digit code against the user's secret (pending or enabled) and records its time step. A code from
 * the last accepted step or earlier is refused (replay); two requests with the same code race on the update,
 * and only one wins.
 */
export async function acceptTotpCode(db: PlatformDb, keyRing: KeyRing, userId: string, code: string): Promise<boolean> {
  const token = normalCode(code);
  if (!/^\d{6}$/.test(token)) return false;
  const row = await db.user.findUnique({ where: { id: userId }, select: { totpSecretEnc: true, totpLastStep: true } });
  if (!row?.totpSecretEnc) return false;
  const secret = decryptSecret(row.totpSecretEnc, keyRing, aad(userId));
  const result = await verify({
    secret,
    token,
    epochTolerance: EPOCH_TOLERANCE_SECONDS,
    ...(row.totpLastStep !== null ? { afterTimeStep: row.totpLastStep } : {}),
  });
  if (!result.valid || !('timeStep' in result)) return false;
  const claimed = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: result.timeStep } }] },
    data: { totpLastStep: result.timeStep },
  });
  return claimed.count === 1;
}

const hashRecoveryCode = (code: string, salt: string) => `${salt}$${createHash('sha256').update(`${salt}:${code}`).digest('hex')}`;
const normalRecovery = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();

/** Ten new codes (xxxxx-xxxxx), replacing any earlier ones; only their salted hashes are stored. Shown once. */
export async function replaceRecoveryCodes(tx: Pick<PlatformDb, 'recoveryCode'>, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = randomBytes(8).toString('hex').slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(normalRecovery(code), randomBytes(12).toString('hex')) })),
  });
  return codes;
}

/** Uses one unused recovery code of the user (marked used, once); false when none matches. */
export async function consumeRecoveryCode(db: PlatformDb, userId: string, code: string): Promise<boolean> {
  const wanted = normalRecovery(code);
  if (!/^[0-9a-f]{10}$/.test(wanted)) return false;
  const rows = await db.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } });
  for (const row of rows) {
    const [salt] = row.codeHash.split('$');
    const expected = Buffer.from(row.codeHash);
    const actual = Buffer.from(hashRecoveryCode(wanted, salt ?? ''));
    if (expected.length === actual.length && timingSafeEqual(expected, actual)) {
      const used = await db.recoveryCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
      return used.count === 1;
    }
  }
  return false;
}

export async function unusedRecoveryCodes(db: PlatformDb, userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}

/** Turns 2FA on after a correct code from the pending secret; returns the recovery codes to show once. */
export async function confirmEnrolment(db: PlatformDb, keyRing: KeyRing, userId: string, code: string): Promise<string[] | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true, totpSecretEnc: true } });
  if (!row?.totpSecretEnc || row.totpEnabledAt) return null;
  if (!(await acceptTotpCode(db, keyRing, userId, code))) return null;
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpEnabledAt: new Date() } });
    return replaceRecoveryCodes(tx, userId);
  });
}

/**
 * A new set of ten recovery codes for a user with 2FA on (the caller has re-authenticated): the old codes, used or
 * not, stop working in the same transaction. Null when 2FA is off.
 */
export async function regenerateRecoveryCodes(db: PlatformDb, userId: string): Promise<string[] | null> {
  return db.$transaction(async (tx) => {
    const row = await tx.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
    if (!row?.totpEnabledAt) return null;
    return replaceRecoveryCodes(tx, userId);
  });
}

/** Turns 2FA off: the secret, the last step and the recovery codes are deleted. */
export async function disableTwoFactor(db: PlatformDb, userId: string): Promise<void> {
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null } }),
    db.recoveryCode.deleteMany({ where: { userId } }),
  ]);
}
