import { describe, expect, it } from 'vitest';
import { authErrorMessages, minutesToWait } from '../i18n/messages/auth-errors.ts';
import { emailProblem, fieldErrorsOf, invitationProblem, invitationRefusalCode, newPasswordFormSchema, signupSchema } from './form-errors.ts';

const en = authErrorMessages.en;
const pt = authErrorMessages['pt-BR'];

describe('sign-up and new-password checks', () => {
  it('answer beside each field in the visitor\'s language', () => {
    const parsed = signupSchema.safeParse({ name: '  ', email: 'not-an-email', password: 'short' });
    expect(parsed.success).toBe(false);
    const issues = parsed.error!.issues;
    expect(fieldErrorsOf(issues, en)).toEqual({
      name: 'Tell us your name',
      email: 'Enter a valid email address',
      password: 'Use at least 10 characters for your password',
    });
    expect(fieldErrorsOf(issues, pt)).toEqual({
      name: 'Diga seu nome',
      email: 'Digite um e-mail válido',
      password: 'Use pelo menos 10 caracteres na senha',
    });
  });

  it('name too-long values by their own code', () => {
    const parsed = signupSchema.safeParse({ name: 'n'.repeat(101), email: `${'a'.repeat(250)}@example.com`, password: 'p'.repeat(201) });
    expect(fieldErrorsOf(parsed.error!.issues, pt)).toEqual({ name: pt.nameTooLong, email: pt.emailTooLong, password: pt.passwordTooLong });
    expect(fieldErrorsOf(newPasswordFormSchema.safeParse({ password: 'abc' }).error!.issues, pt)).toEqual({ password: pt.passwordTooShort });
    expect(newPasswordFormSchema.safeParse({ password: 'long-enough-password' }).success).toBe(true);
  });

  it('keeps the first problem of a field, and an issue without a code keeps its own words', () => {
    const issues = [
      { path: ['email'], message: 'emailInvalid' },
      { path: ['email'], message: 'emailTooLong' },
      { path: ['other'], message: 'Something zod said' },
    ];
    expect(fieldErrorsOf(issues, pt)).toEqual({ email: pt.emailInvalid, other: 'Something zod said' });
  });
});

describe('emailProblem', () => {
  it('tells an empty address from a wrong one, and accepts a good one', () => {
    expect(emailProblem('')).toBe('emailMissing');
    expect(emailProblem('nobody')).toBe('emailInvalid');
    expect(emailProblem(`${'a'.repeat(250)}@example.com`)).toBe('emailTooLong');
    expect(emailProblem('ana@example.com')).toBeNull();
  });
});

describe('invitationProblem', () => {
  it('names the sentence for an invitation that cannot be accepted from its state', () => {
    expect(invitationProblem({ status: 'PENDING' })).toBeNull();
    expect(pt[invitationProblem({ status: 'ACCEPTED' })!]).toBe('Este convite já foi aceito.');
    expect(en[invitationProblem({ status: 'ACCEPTED' })!]).toBe('This invitation was already accepted.');
    expect(invitationProblem({ status: 'REVOKED' })).toBe('invitationRevoked');
    expect(invitationProblem({ status: 'EXPIRED' })).toBe('invitationExpired');
  });

  it('names the sentence for a refused link from the refusal\'s code, and leaves other refusals to their own message', () => {
    expect(invitationProblem({ code: 'NOT_FOUND' })).toBe('invitationUnknown');
    expect(invitationProblem({ code: 'BAD_REQUEST' })).toBe('invitationMalformed');
    expect(invitationProblem({ code: 'TOO_MANY_REQUESTS' })).toBeNull();
  });

  it('names a sentence for every reason the router gives for refusing an acceptance', () => {
    expect(pt[invitationRefusalCode('ALREADY_MEMBER')]).toBe('Você já é membro desta loja.');
    expect(invitationRefusalCode('WRONG_ACCOUNT')).toBe('invitationForSomeoneElse');
    expect(invitationRefusalCode('UNKNOWN')).toBe('invitationUnknown');
    expect(invitationRefusalCode('REVOKED')).toBe('invitationRevoked');
  });
});

describe('rate-limit sentences', () => {
  it('round the wait up to whole minutes, at least one, and agree in number', () => {
    expect(minutesToWait(0)).toBe(1);
    expect(minutesToWait(59)).toBe(1);
    expect(minutesToWait(61)).toBe(2);
    expect(en.tooManySignIns(minutesToWait(30))).toBe('Too many sign-in attempts. Please wait 1 minute and try again.');
    expect(pt.tooManySignIns(minutesToWait(14 * 60 + 1))).toBe('Tentativas de entrada demais. Aguarde 15 minutos e tente de novo.');
    expect(pt.tooManyCodes(1)).toBe('Códigos errados demais. Aguarde 1 minuto e tente de novo.');
  });
});

describe('authErrorMessages', () => {
  it('has a Portuguese sentence for every code, not the English one', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const english = en[key];
      const portuguese = pt[key];
      const sample = (message: typeof english) => (typeof message === 'string' ? message : (message as (value: never) => string)('x' as never));
      expect(sample(portuguese), key).not.toBe(sample(english));
      expect(sample(portuguese).length, key).toBeGreaterThan(0);
    }
  });
});
