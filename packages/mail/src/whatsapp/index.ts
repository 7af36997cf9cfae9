import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** One WhatsApp text to a phone number in E.164 (+5511999990000). */
export interface WhatsAppMessage {
  to: string;
  text: string;
  /** What it is for (order.confirmation, order.shipped, order.refund), for logs and the sink. */
  kind: string;
  tenantId?: string;
}

/** A WhatsApp provider: sends one message and returns the provider's id for it. */
export interface WhatsAppSender {
  send(message: WhatsAppMessage): Promise<{ messageId: string }>;
}

export interface RecordedWhatsApp extends WhatsAppMessage {
  messageId: string;
  sentAt: string;
}

/**
 * The local stand-in for a WhatsApp provider (tests and the demo): each message is appended as one JSON line to
 * `file`, where `messages()` (or any reader) finds them in the order they were sent.
 */
export function createWhatsAppSink(file: string): WhatsAppSender & { file: string; messages(): Promise<RecordedWhatsApp[]> } {
  const path = resolve(file);
  return {
    file: path,
    async send(message) {
      const recorded: RecordedWhatsApp = { ...message, messageId: `wamid.sink.${randomUUID()}`, sentAt: new Date().toISOString() };
      await mkdir(dirname(path), { recursive: true });
      await appendFile(path, `${JSON.stringify(recorded)}\n`, 'utf8');
      return { messageId: recorded.messageId };
    },
    messages: () => readWhatsAppSink(path),
  };
}

/** The messages a sink file holds (none when it does not exist yet). */
export async function readWhatsAppSink(file: string): Promise<RecordedWhatsApp[]> {
  const text = await readFile(resolve(file), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as RecordedWhatsApp);
}

/** The configured provider: the local sink at WHATSAPP_SINK_FILE, or null when WhatsApp is not set up. */
export function whatsAppSenderFromEnv(env: Record<string, string | undefined> = process.env): WhatsAppSender | null {
  const file = env.WHATSAPP_SINK_FILE?.trim();
  return file ? createWhatsAppSink(file) : null;
}
