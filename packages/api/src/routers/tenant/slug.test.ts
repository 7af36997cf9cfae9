import { describe, expect, it } from 'vitest';
import { RESERVED_SLUGS, storeSlugProblem, storeSlugSchema } from './slug.ts';

describe('store slug rules', () => {
  it.each(['abc', 'loja-da-ana', 'a1b2c3', 'x'.repeat(63), '123'])('accepts %s', (slug) => {
    expect(storeSlugProblem(slug)).toBeNull();
  });

  it.each([
    ['ab', /3 to 63/],
    ['x'.repeat(64), /3 to 63/],
    ['Loja', /lowercase/],
    ['loja_ana', /lowercase/],
    ['loja.ana', /lowercase/],
    ['lója', /lowercase/],
    ['-loja', /start or end/],
    ['loja-', /start or end/],
    ['xn--loja', /two hyphens/],
  ])('refuses %s', (slug, message) => {
    expect(storeSlugProblem(slug)).toMatch(message);
  });

  it.each(['www', 'app', 'admin', 'api', 'platform', 'mail', 'static', 'assets', 'cdn', 'help', 'support', 'status', 'billing'])(
    'refuses the reserved word %s',
    (slug) => {
      expect(RESERVED_SLUGS.has(slug)).toBe(true);
      expect(storeSlugProblem(slug)).toMatch(/reserved/);
    },
  );

  it('reports the problem through the input schema', () => {
    const result = storeSlugSchema.safeParse('admin');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('"admin" is reserved; choose another store address');
    expect(storeSlugSchema.parse('  minha-loja ')).toBe('minha-loja');
  });
});
