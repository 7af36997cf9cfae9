import { createHash, randomBytes, randomInt } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Context } from '../../context.ts';
import { badRequest } from '../../errors.ts';
import type { AuthedContext } from '../../trpc.ts';
import type { PollInput, StartLoginInput, UserCodeInput } from './inputs.ts';
import { createDesktopToken } from './tokens.ts';

/**
 * Device sign-in for the desktop app (RFC 8628's shape). All state lives in Redis with a 10-minute TTL,
 * never in a process: any web server can take any step.
 *
 *   startLogin (desktop) → deviceCode (secret, kept by the app) + userCode (shown to the person)
 *   approve    (browser, signed in) → the request now names the person
 *   poll       (desktop, every `interval` s) → pending | approved with the token, exactly once (GETDEL)
 *
 * Keys (under ctx.redisPrefix): desktop:login:<sha256(deviceCode)> → the request as JSON;
 * desktop:code:<userCode> → sha256(deviceCode), deleted when used; desktop:poll:<sha256(deviceCode)> → the
 * polling throttle; desktop:approve:<userId> → failed-approval counter (guesses of codes).
 */
export const LOGIN_TTL_SECONDS = 600;
export const POLL_INTERVAL_SECONDS = 5;
export const VERIFICATION_PATH = '/desktop/activate';
/** Consonants without look-alikes (no vowels: no words; no I, O, U, Y). */
export const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
const USER_CODE_LENGTH = 8;
const APPROVE_ATTEMPTS_PER_MINUTE = 10;

export const EXPIRED_LOGIN = 'This sign-in request expired or was already used. Start again from the desktop app.';
export const WRONG_CODE = 'This code is wrong or expired. Check the code shown in the desktop app, or start again there.';
export const SLOW_DOWN = 'The desktop app is checking too often; slow down and try again in a few seconds.';

const pendingSchema = z.object({
  deviceName: z.string(),
  userCode: z.string(),
  status: z.enum(['pending', 'approved']),
  userId: z.string().optional(),
  email: z.string().optional(),
});
type PendingLogin = z.infer<typeof pendingSchema>;

type RedisCtx = Pick<Context, 'redis' | 'redisPrefix'>;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const keys = (ctx: RedisCtx) => ({
  login: (deviceHash: string) => `${ctx.redisPrefix}desktop:login:${deviceHash}`,
  code: (userCode: string) => `${ctx.redisPrefix}desktop:code:${userCode}`,
  poll: (deviceHash: string) => `${ctx.redisPrefix}desktop:poll:${deviceHash}`,
  approveAttempts: (userId: string) => `${ctx.redisPrefix}desktop:approve:${userId}`,
});

function newUserCode(): string {
  let code = '';
  for (let i = 0; i < USER_CODE_LENGTH; i += 1) code += USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)];
  return code;
}

/** XXXX-XXXX, as shown to people. */
export const formatUserCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** What a person typed (any case, with or without the hyphen or spaces) as the stored code, or null. */
export function normalizeUserCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== USER_CODE_LENGTH) return null;
  for (const ch of code) if (!USER_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

function parse(raw: string | null): PendingLogin | null {
  if (!raw) return null;
  const parsed = pendingSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

function verificationUri(ctx: Pick<Context, 'appUrl'>): string {
  if (!ctx.appUrl) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'The web address of this server (APP_URL) is not configured.' });
  return new URL(VERIFICATION_PATH, ctx.appUrl).toString();
}

async function claimUserCode(ctx: RedisCtx, deviceHash: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const userCode = newUserCode();
    const claimed = await ctx.redis.set(keys(ctx).code(userCode), deviceHash, 'EX', LOGIN_TTL_SECONDS, 'NX');
    if (claimed === 'OK') return userCode;
  }
  throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Could not start the sign-in; try again.' });
}

export async function startLogin(ctx: Pick<Context, 'redis' | 'redisPrefix' | 'appUrl'>, input: StartLoginInput) {
  const uri = verificationUri(ctx);
  const k = keys(ctx);
  const deviceCode = randomBytes(32).toString('base64url');
  const deviceHash = sha256(deviceCode);
  // A fresh user code that no pending request holds (20^8 codes: a collision is rare, retried anyway).
  const userCode = await claimUserCode(ctx, deviceHash);
  const pending: PendingLogin = { deviceName: input.deviceName, userCode, status: 'pending' };
  await ctx.redis.set(k.login(deviceHash), JSON.stringify(pending), 'EX', LOGIN_TTL_SECONDS);
  const shown = formatUserCode(userCode);
  return {
    deviceCode,
    userCode: shown,
    verificationUri: uri,
    verificationUriComplete: `${uri}?code=${shown}`,
    expiresIn: LOGIN_TTL_SECONDS,
    interval: POLL_INTERVAL_SECONDS,
  };
}

/** Counts a signed-in person's approval attempts, so codes cannot be guessed from an account. */
async function throttleApprovals(ctx: AuthedContext) {
  const key = keys(ctx).approveAttempts(ctx.user.id);
  const [[, count]] = (await ctx.redis.multi().incr(key).expire(key, 60, 'NX').exec()) as [[unknown, number], unknown];
  if (count > APPROVE_ATTEMPTS_PER_MINUTE) {
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'Too many codes tried. Wait a minute and try again.' });
  }
}

/** The pending request behind a typed code (not consumed), for the approval page to name the device. */
export async function lookupLogin(ctx: AuthedContext, input: UserCodeInput) {
  const code = normalizeUserCode(input.userCode);
  if (!code) throw badRequest(WRONG_CODE);
  const k = keys(ctx);
  const deviceHash = await ctx.redis.get(k.code(code));
  const pending = deviceHash ? parse(await ctx.redis.get(k.login(deviceHash))) : null;
  if (!pending || pending.status !== 'pending') throw badRequest(WRONG_CODE);
  return { userCode: formatUserCode(code), deviceName: pending.deviceName };
}

/** The signed-in person approves the request the code names; the code is used up (GETDEL). */
export async function approveLogin(ctx: AuthedContext, input: UserCodeInput) {
  await throttleApprovals(ctx);
  const code = normalizeUserCode(input.userCode);
  if (!code) throw badRequest(WRONG_CODE);
  const k = keys(ctx);
  const deviceHash = await ctx.redis.getdel(k.code(code));
  if (!deviceHash) throw badRequest(WRONG_CODE);
  const pending = parse(await ctx.redis.get(k.login(deviceHash)));
  if (!pending || pending.status !== 'pending' || pending.userCode !== code) throw badRequest(WRONG_CODE);
  const approved: PendingLogin = { ...pending, status: 'approved', userId: ctx.user.id, email: ctx.user.email };
  // XX: only while the request still exists; KEEPTTL: approving does not extend its life.
  const written = await ctx.redis.set(k.login(deviceHash), JSON.stringify(approved), 'KEEPTTL', 'XX');
  if (written !== 'OK') throw badRequest(WRONG_CODE);
  return { deviceName: pending.deviceName };
}

/**
 * The desktop app asks whether its request was approved. Faster than `interval` is refused (TOO_MANY_REQUESTS);
 * an approved request is taken with GETDEL, so exactly one poll receives the token, which is created then.
 */
export async function pollLogin(ctx: Pick<Context, 'redis' | 'redisPrefix' | 'db'>, input: PollInput) {
  const k = keys(ctx);
  const deviceHash = sha256(input.deviceCode);
  const allowed = await ctx.redis.set(k.poll(deviceHash), '1', 'PX', POLL_INTERVAL_SECONDS * 1000 - 250, 'NX');
  if (allowed !== 'OK') throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: SLOW_DOWN });

  const current = parse(await ctx.redis.get(k.login(deviceHash)));
  if (!current) throw badRequest(EXPIRED_LOGIN);
  if (current.status === 'pending') return { status: 'pending' as const };

  const taken = parse(await ctx.redis.getdel(k.login(deviceHash)));
  if (!taken || taken.status !== 'approved' || !taken.userId) throw badRequest(EXPIRED_LOGIN);
  const user = await ctx.db.platform.user.findUnique({ where: { id: taken.userId }, select: { id: true, email: true } });
  if (!user) throw badRequest(EXPIRED_LOGIN);
  const { token } = await createDesktopToken(ctx.db.platform, user.id, taken.deviceName);
  return { status: 'approved' as const, token, user };
}
