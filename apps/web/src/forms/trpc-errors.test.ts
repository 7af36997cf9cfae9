import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formErrorOf } from './trpc-errors.ts';

const zodRefusal = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be refused');
  return new TRPCError({ code: 'BAD_REQUEST', message: result.error.message, cause: result.error });
};

describe('formErrorOf', () => {
  it('puts input problems beside their fields, nested names joined with dots and list positions dropped', () => {
    const schema = z.object({
      email: z.email('Enter a valid email address'),
      contact: z.object({ phone: z.string().regex(/^\d+$/, 'Use only digits') }),
      tags: z.array(z.enum(['a', 'b'], { message: 'Choose a or b' })),
    });
    expect(formErrorOf(zodRefusal(schema, { email: 'x', contact: { phone: 'y' }, tags: ['a', 'z'] }))).toEqual({
      fieldErrors: { email: 'Enter a valid email address', 'contact.phone': 'Use only digits', tags: 'Choose a or b' },
    });
  });

  it('shows a whole-form input problem and any other refusal as one sentence', () => {
    const schema = z.object({ a: z.string() }).refine(() => false, { message: 'Nothing to change' });
    expect(formErrorOf(zodRefusal(schema, { a: 'x' }))).toEqual({ fieldErrors: {}, error: 'Nothing to change' });
    expect(formErrorOf(new TRPCError({ code: 'CONFLICT', message: 'A store needs at least one owner.' }))).toEqual({
      error: 'A store needs at least one owner.',
    });
  });

  it('rethrows what is not a refusal', () => {
    expect(() => formErrorOf(new Error('boom'))).toThrow('boom');
    expect(() => formErrorOf(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'x' }))).toThrow('x');
  });
});
