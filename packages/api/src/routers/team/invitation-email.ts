import type { MembershipRole } from '@vitrine/db';
import { INVITATION_DAYS } from './tokens.ts';

const ROLE_WORDS: Record<MembershipRole, string> = { OWNER: 'an owner', ADMIN: 'an admin', STAFF: 'a staff member' };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The invitation email: plain text, and the same words as simple HTML (every value escaped). */
export function invitationEmail(input: { storeName: string; inviterEmail: string; role: MembershipRole; url: string }) {
  const subject = `You are invited to join ${input.storeName} on Vitrine`.slice(0, 200);
  const lines = [
    `${input.inviterEmail} invited you to join the team of ${input.storeName} as ${ROLE_WORDS[input.role]}.`,
    `Open this link to accept the invitation (it is valid for ${INVITATION_DAYS} days):`,
    input.url,
    'If you did not expect this invitation, you can ignore this email.',
  ];
  const text = lines.join('\n\n');
  const html = [
    `<p>${escapeHtml(lines[0]!)}</p>`,
    `<p>${escapeHtml(lines[1]!)}</p>`,
    `<p><a href="${escapeHtml(input.url)}">${escapeHtml(input.url)}</a></p>`,
    `<p>${escapeHtml(lines[3]!)}</p>`,
  ].join('\n');
  return { subject, text, html };
}
