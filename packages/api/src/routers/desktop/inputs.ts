import { z } from 'zod';
import { idSchema } from '../../lib/schemas.ts';

/** Inputs of the desktop router, each with a sentence a person understands. */

export const startLoginInput = z.object({
  deviceName: z
    .string()
    .trim()
    .min(1, 'Name this computer so you can recognise it later')
    .max(100, 'Use at most 100 characters for the computer name'),
});

export const userCodeInput = z.object({
  userCode: z.string().trim().min(1, 'Enter the code shown in the desktop app').max(20, 'This code is too long: it has 8 letters, like BCDF-GHJK'),
});

export const pollInput = z.object({
  deviceCode: z.string().trim().min(16, 'This sign-in request is not valid').max(128, 'This sign-in request is not valid'),
});

export const tokenIdInput = z.object({ tokenId: idSchema });

export type StartLoginInput = z.infer<typeof startLoginInput>;
export type UserCodeInput = z.infer<typeof userCodeInput>;
export type PollInput = z.infer<typeof pollInput>;
export type TokenIdInput = z.infer<typeof tokenIdInput>;
