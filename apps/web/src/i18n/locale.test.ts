import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, pickLocale } from './locale.ts';

describe('localeFromAcceptLanguage', () => {
  it('picks the first supported language by weight, Portuguese of any region as pt-BR', () => {
    expect(localeFromAcceptLanguage('pt-BR,pt;q=0.9,en;q=0.8')).toBe('pt-BR');
    expect(localeFromAcceptLanguage('pt-PT')).toBe('pt-BR');
    expect(localeFromAcceptLanguage('fr-FR, en;q=0.5, pt;q=0.4')).toBe('en');
    expect(localeFromAcceptLanguage('en;q=0.2, pt;q=0.9')).toBe('pt-BR');
  });

  it('falls back to English for nothing, junk or only unsupported languages', () => {
    expect(localeFromAcceptLanguage(null)).toBe('en');
    expect(localeFromAcceptLanguage('')).toBe('en');
    expect(localeFromAcceptLanguage('de, fr;q=0.5')).toBe('en');
    expect(localeFromAcceptLanguage(';;;,q=')).toBe('en');
    expect(localeFromAcceptLanguage('pt;q=0')).toBe('en');
  });
});

describe('pickLocale', () => {
  it('takes the language chosen with the switcher over the browser\'s', () => {
    expect(pickLocale('pt-BR', 'en-US,en;q=0.9')).toBe('pt-BR');
    expect(pickLocale('en', 'pt-BR,pt;q=0.9')).toBe('en');
  });

  it('follows the browser when nothing (or something unknown) was chosen, so a visitor who is not signed in gets Portuguese', () => {
    expect(pickLocale(undefined, 'pt-BR,pt;q=0.9,en;q=0.8')).toBe('pt-BR');
    expect(pickLocale('klingon', 'pt')).toBe('pt-BR');
    expect(pickLocale('', 'en-GB')).toBe('en');
    expect(pickLocale(null, null)).toBe('en');
  });
});
