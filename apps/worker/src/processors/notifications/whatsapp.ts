import { UnrecoverableError } from 'bullmq';
import { whatsAppSenderFromEnv, type WhatsAppSender } from '@vitrine/mail/whatsapp';
import type { JobProcessor } from '../types.ts';

/** Sends one WhatsApp message through the configured provider; a failure throws, so BullMQ retries it. */
export function whatsAppProcessor(sender: () => WhatsAppSender | null): JobProcessor<'whatsapp', 'whatsapp.send'> {
  return async (message, ctx) => {
    const provider = sender();
    if (!provider) throw new UnrecoverableError('WhatsApp is not configured for this worker (WHATSAPP_SINK_FILE).');
    const { messageId } = await provider.send(message);
    ctx.log.info({ kind: message.kind, tenantId: message.tenantId, messageId }, 'whatsapp message sent');
    return { messageId, kind: message.kind };
  };
}

export const sendWhatsApp = whatsAppProcessor(() => whatsAppSenderFromEnv());
