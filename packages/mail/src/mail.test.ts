import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMailCatcher, type CaughtMessage, type MailCatcher } from './catcher/index.ts';
import { createMailer, renderEmail, type Mailer } from './index.ts';

let catcher: MailCatcher;
let mailer: Mailer;

beforeAll(async () => {
  catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  mailer = createMailer({ smtpUrl: catcher.smtpUrl, from: 'Vitrine <no-reply@vitrine.localhost>' });
});

afterAll(async () => {
  mailer?.close();
  await catcher?.stop();
});

beforeEach(async () => {
  await fetch(`${catcher.httpUrl}/messages`, { method: 'DELETE' });
});

const messagesTo = async (to: string): Promise<CaughtMessage[]> => (await fetch(`${catcher.httpUrl}/messages?to=${encodeURIComponent(to)}`)).json() as Promise<CaughtMessage[]>;

describe('createMailer → mail catcher over SMTP', () => {
  it('delivers a rendered email that reads back over HTTP with its links', async () => {
    const email = renderEmail({
      title: 'Confirm your email address',
      intro: ['Hello Ana, confirm the address of your Vitrine account.'],
      action: { label: 'Confirm my email', url: 'http://app.localhost:3000/verify-email?token=abc&x=1' },
      outro: ['The link expires in 24 hours.'],
    });
    await mailer.send({ to: 'Ana@Example.com', ...email, kind: 'auth.verify-email' });

    const [message] = await messagesTo('ana@example.com');
    expect(message).toMatchObject({
      to: ['ana@example.com'],
      from: '"Vitrine" <no-reply@vitrine.localhost>',
      subject: 'Confirm your email address',
      kind: 'auth.verify-email',
    });
    expect(message!.text).toContain('Confirm my email: http://app.localhost:3000/verify-email?token=abc&x=1');
    expect(message!.html).toContain('href="http://app.localhost:3000/verify-email?token=abc&amp;x=1"');
    expect(message!.links).toEqual(['http://app.localhost:3000/verify-email?token=abc&x=1']);
    expect(Date.parse(message!.receivedAt)).toBeGreaterThan(Date.now() - 60_000);

    const one = await fetch(`${catcher.httpUrl}/messages/${message!.id}`);
    expect(await one.json()).toEqual(message);
  });

  it('filters by recipient, lists newest first, and clears', async () => {
    await mailer.send({ to: 'one@example.com', subject: 'First', text: 'first' });
    await mailer.send({ to: 'two@example.com', subject: 'Other', text: 'other' });
    await mailer.send({ to: 'one@example.com', subject: 'Second', text: 'second' });

    expect((await messagesTo('one@example.com')).map((m) => m.subject)).toEqual(['Second', 'First']);
    const all = (await (await fetch(`${catcher.httpUrl}/messages`)).json()) as CaughtMessage[];
    expect(all).toHaveLength(3);

    const inbox = await (await fetch(`${catcher.httpUrl}/`)).text();
    expect(inbox).toContain('Demo inbox');
    expect(inbox).toContain('Second');

    const cleared = await fetch(`${catcher.httpUrl}/messages`, { method: 'DELETE' });
    expect(await cleared.json()).toEqual({ deleted: 3 });
    expect(await messagesTo('one@example.com')).toEqual([]);
  });

  it('answers 404 for an unknown message and keeps only the newest messages past its limit', async () => {
    expect((await fetch(`${catcher.httpUrl}/messages/nope`)).status).toBe(404);
    const small = await startMailCatcher({ smtpPort: 0, httpPort: 0, limit: 2 });
    const smallMailer = createMailer({ smtpUrl: small.smtpUrl, from: 'Vitrine <no-reply@vitrine.localhost>' });
    try {
      for (const n of [1, 2, 3]) await smallMailer.send({ to: 'limit@example.com', subject: `Message ${n}`, text: `n${n}` });
      expect(small.store.list().map((m) => m.subject)).toEqual(['Message 3', 'Message 2']);
    } finally {
      smallMailer.close();
      await small.stop();
    }
  });

  it('throws when the SMTP server cannot be reached', async () => {
    const dead = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'Vitrine <no-reply@vitrine.localhost>' });
    await expect(dead.send({ to: 'x@example.com', subject: 'Hi', text: 'hi' })).rejects.toThrow();
    dead.close();
  });
});

describe('renderEmail', () => {
  it('escapes what it puts in the HTML', () => {
    const email = renderEmail({ title: 'Hi <b>', intro: ['a & b'], action: { label: 'Go', url: 'http://x.test/?a="1"' } });
    expect(email.html).toContain('Hi &lt;b&gt;');
    expect(email.html).toContain('a &amp; b');
    expect(email.html).not.toContain('"1"');
    expect(email.text).toContain('Go: http://x.test/?a="1"');
  });

  it('writes its own sentences in the email\'s language, English unless told', () => {
    const content = { title: 'Oi', intro: ['Olá'], action: { label: 'Entrar', url: 'http://x.test/' } };
    const english = renderEmail(content);
    expect(english.text).toContain('You received this email because of an action on your Vitrine account.');
    expect(english.html).toContain('If the button does not work, open this link:');
    const portuguese = renderEmail(content, 'pt-BR');
    expect(portuguese.text).toContain('Você recebeu este e-mail por causa de uma ação na sua conta Vitrine.');
    expect(portuguese.html).toContain('Se o botão não funcionar, abra este link:');
    expect(portuguese.html).not.toContain('If the button does not work');
  });
});
