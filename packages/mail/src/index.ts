export { createMailer, type Mailer, type MailerConfig, type OutgoingEmail } from './mailer.ts';
export { renderEmail, type EmailContent, type EmailLocale, type RenderedEmail } from './layout.ts';
