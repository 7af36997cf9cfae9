import type { CardDetails } from './model.ts';

/**
 * Stripe's test cards that the sandbox knows, by number and by test PaymentMethod id. Any other number is
 * refused as Stripe refuses a number it does not know in test mode.
 */
export type CardOutcome =
  | { ok: true }
  | { ok: false; code: 'card_declined'; declineCode: 'generic_decline' | 'insufficient_funds'; message: string };

export interface TestCard {
  number: string;
  paymentMethod: string;
  outcome: CardOutcome;
}

export const TEST_CARDS: readonly TestCard[] = [
  { number: '4242424242424242', paymentMethod: 'pm_card_visa', outcome: { ok: true } },
  {
    number: '4000000000000002', paymentMethod: 'pm_card_chargeDeclined',
    outcome: { ok: false, code: 'card_declined', declineCode: 'generic_decline', message: 'Your card was declined.' },
  },
  {
    number: '4000000000009995', paymentMethod: 'pm_card_chargeDeclinedInsufficientFunds',
    outcome: { ok: false, code: 'card_declined', declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  },
];

export const digitsOnly = (value: string) => value.replace(/[\s-]/g, '');

export function cardByNumber(number: string): TestCard | undefined {
  const digits = digitsOnly(number);
  return TEST_CARDS.find((card) => card.number === digits);
}

export function cardByPaymentMethod(id: string): TestCard | undefined {
  return TEST_CARDS.find((card) => card.paymentMethod === id);
}

export function luhnValid(number: string): boolean {
  const digits = digitsOnly(number);
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function cardDetails(card: TestCard, expMonth = 12, expYear = new Date().getUTCFullYear() + 3): CardDetails {
  return { brand: 'visa', last4: card.number.slice(-4), exp_month: expMonth, exp_year: expYear, funding: 'credit', country: 'US' };
}
