import { UnrecoverableError } from 'bullmq';
import type { JobProcessor } from '../types.ts';

/**
 * Sends one email through SMTP. A failure throws, so BullMQ retries it with backoff; the job is the record.
 * An email about a store a partner owns goes out under the partner's name (white-label), answers to its support.
 */
export const sendEmail: JobProcessor<'email', 'email.send'> = async (email, ctx) => {
  if (!ctx.mailer) throw new UnrecoverableError('Email is not configured for this worker (SMTP_URL, MAIL_FROM).');
  const partner = email.tenantId
    ? (await ctx.db.platform.tenant.findUnique({ where: { id: email.tenantId }, select: { partner: { select: { productName: true, supportEmail: true } } } }))?.partner
    : null;
  const { messageId } = await ctx.mailer.send(
    partner ? { ...email, fromName: partner.productName, replyTo: email.replyTo ?? partner.supportEmail } : email,
  );
  ctx.log.info({ kind: email.kind, tenantId: email.tenantId, messageId }, 'email sent');
  return { messageId, kind: email.kind };
};
