import { describe, expect, it } from 'vitest';
import { chooseLanguage, formattingLocale } from './language.ts';

describe('store language', () => {
  const offered = ['pt-BR', 'es'] as const;

  it('takes ?lang= when the store offers it, and remembers it', () => {
    expect(chooseLanguage({ requested: 'es', remembered: null, offered })).toEqual({ language: 'es', remember: true });
  });

  it('falls back to the remembered language, then to the store\'s own', () => {
    expect(chooseLanguage({ requested: null, remembered: 'es', offered })).toEqual({ language: 'es', remember: false });
    expect(chooseLanguage({ requested: 'en', remembered: 'fr', offered })).toEqual({ language: 'pt-BR', remember: false });
    expect(chooseLanguage({ requested: null, remembered: null, offered: [] })).toEqual({ language: 'en', remember: false });
  });

  it('writes prices in the store\'s own locale in its language, in the chosen language otherwise', () => {
    expect(formattingLocale('en-US', 'en', 'en')).toBe('en-US');
    expect(formattingLocale('pt-BR', 'pt-BR', 'es')).toBe('es');
  });
});
