import nodemailer from 'nodemailer';

export interface MailerConfig {
  /** smtp://user:pass@host:port (smtps:// for implicit TLS); the demo and tests point it at the local catcher. */
  smtpUrl: string;
  /** The From header, e.g. "Vitrine <no-reply@vitrine.localhost>". */
  from: string;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  /** What the email is for (auth.verify-email…), sent as an X-Vitrine-Kind header for logs and the catcher. */
  kind?: string;
  /** The sender's name instead of the configured one (a partner's product name); the address stays the configured one. */
  fromName?: string;
}

/** The address part of a From header such as `Vitrine <no-reply@vitrine.localhost>`. */
export function fromAddress(from: string): string {
  const match = /<([^>]+)>\s*$/.exec(from);
  return (match ? match[1]! : from).trim();
}

export interface Mailer {
  /** Sends one email; an SMTP failure throws (the worker's job is retried). Returns the server's message id. */
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

/** One pooled SMTP transport for a process. */
export function createMailer(config: MailerConfig): Mailer {
  const transport = nodemailer.createTransport(config.smtpUrl, { from: config.from });
  return {
    async send(email) {
      const info = await transport.sendMail({
        to: email.to,
        subject: email.subject,
        text: email.text,
        ...(email.html ? { html: email.html } : {}),
        ...(email.replyTo ? { replyTo: email.replyTo } : {}),
        ...(email.kind ? { headers: { 'X-Vitrine-Kind': email.kind } } : {}),
        ...(email.fromName ? { from: { name: email.fromName, address: fromAddress(config.from) } } : {}),
      });
      return { messageId: String(info.messageId ?? '') };
    },
    close() {
      transport.close();
    },
  };
}
