import { createHash, randomBytes } from 'node:crypto';

export const INVITATION_DAYS = 7;

/** A new invitation token naming its store (so accepting reads only that store) and its SHA-256. */
export function newInvitationToken(tenantId: string): { token: string; tokenHash: string } {
  const token = `inv_${tenantId}.${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The store id a well-formed token names. */
export function tenantIdOfToken(token: string): string {
  return token.slice('inv_'.length, token.indexOf('.'));
}

export function invitationExpiry(now = new Date()): Date {
  return new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
}

export function invitationUrl(appUrl: string | null, token: string): string {
  return `${(appUrl ?? '').replace(/\/$/, '')}/invitations/${token}`;
}
