import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { keptValues, localFieldErrors, retryMinutesOf } from './account-forms.ts';
import { accountMessages } from './account-messages.ts';
import { accountLink } from './account-link.ts';
import { myDataPage, overviewPage, signUpPage } from './account-pages.ts';
import type { StoreLook } from './pages.ts';

const look = (language: StoreLook['language'] = 'en'): StoreLook => ({ name: 'Loja <Verde>', locale: 'pt-BR', language, languages: ['pt-BR', 'en', 'es'], buyerSignedIn: true });

describe('buyer account pages', () => {
  it('show a refused field’s sentence beside it, linked for screen readers, and keep what was typed (escaped)', () => {
    const page = signUpPage(look(), { errors: { email: 'Enter an email address like ana@example.com' }, values: { email: 'a"><script>', name: 'Ana' } });
    expect(page).toContain('id="account-email-error" class="v-field__error" role="alert"');
    expect(page).toMatch(/id="account-email"[^>]*aria-invalid="true" aria-describedby="account-email-error"/);
    expect(page).toContain('value="a&quot;&gt;&lt;script&gt;"');
    expect(page).not.toContain('<script>');
    expect(page).toContain('Loja &lt;Verde&gt;');
  });

  it('speak the page’s language', () => {
    const account = { email: 'ana@example.com', name: 'Ana', emailVerified: false };
    const history = { emailVerified: false, orders: [] };
    expect(overviewPage(look('pt-BR'), account, history, null)).toContain('Confirme seu e-mail para ver seus pedidos');
    expect(overviewPage(look('es'), account, history, null)).toContain('Confirma tu correo para ver tus pedidos');
    expect(myDataPage(look('en'), null)).toContain('Delete my account and data');
  });

  it('list the orders with status, total and tracking link once the email is verified', () => {
    const page = overviewPage(
      look('en'),
      { email: 'ana@example.com', name: 'Ana', emailVerified: true },
      { emailVerified: true, orders: [{ number: 1001, createdAt: new Date('2026-11-01T12:00:00Z'), status: 'SHIPPED', totalAmount: 12_345, currency: 'BRL', itemCount: 2, trackingPath: '/orders/abc' }] },
      null,
    );
    expect(page).toContain('#1001');
    expect(page).toContain('data-testid="order-status">Shipped<');
    expect(page).toContain('href="/orders/abc" aria-label="Track order #1001"');
    expect(page).toMatch(/R\$\s?123,45/);
  });

  it('the header offers "Sign in" to a visitor known to be signed out, "Account" otherwise', () => {
    expect(String(accountLink({ language: 'pt-BR', buyerSignedIn: false }))).toContain('href="/account/sign-in"');
    expect(String(accountLink({ language: 'pt-BR', buyerSignedIn: false }))).toContain('>Entrar<');
    expect(String(accountLink({ language: 'es' }))).toContain('>Mi cuenta<');
  });
});

describe('account form helpers', () => {
  it('turn the API’s field refusals into sentences of the page’s language, by form field', () => {
    const error = new TRPCError({ code: 'BAD_REQUEST', message: 'bad', cause: Object.assign(new Error('zod'), { issues: [{ path: ['address', 'city'], message: 'Fill in the city' }, { path: ['password'], message: 'x' }] }) });
    expect(localFieldErrors(error, accountMessages['pt-BR'])).toEqual({ city: 'Preencha a cidade', password: 'Use pelo menos 10 caracteres na senha' });
    expect(localFieldErrors(error, accountMessages.en, 'currentPassword').password).toBe('Enter your password');
  });

  it('never keep passwords among the values shown again', () => {
    expect(keptValues({ email: 'a@b.c', password: 'secret-1', newPassword: 'x' })).toEqual({ email: 'a@b.c' });
  });

  it('read the wait of a sign-in refusal in whole minutes', () => {
    expect(retryMinutesOf(new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'x', cause: Object.assign(new Error('w'), { retryAfterSeconds: 61 }) }))).toBe(2);
    expect(retryMinutesOf(new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'Too many sign-in attempts. Try again in 7 minutes.' }))).toBe(7);
  });
});
