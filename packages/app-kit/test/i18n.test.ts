import { describe, expect, it } from 'vitest';
import { baseLanguage, createI18n, interpolate } from '../src/i18n.js';

const texts = createI18n({
  en: { hello: 'Hello, {name}!', bye: 'Bye' },
  ru: { hello: 'Привет, {name}!' },
});

describe('createI18n', () => {
  it('picks the dictionary by context.lang and fills placeholders', () => {
    expect(texts('ru')('hello', { name: 'Анна' })).toBe('Привет, Анна!');
    expect(texts('en')('hello', { name: 'Ann' })).toBe('Hello, Ann!');
  });

  it('reads region and case variants of the language', () => {
    expect(texts('RU-ru')('hello', { name: 'A' })).toBe('Привет, A!');
    expect(baseLanguage('ru_RU')).toBe('ru');
  });

  it('falls back to English per key and for unknown or bad languages', () => {
    expect(texts('ru')('bye')).toBe('Bye');
    expect(texts('de')('bye')).toBe('Bye');
    expect(texts(undefined)('bye')).toBe('Bye');
    expect(texts('')('bye')).toBe('Bye');
    expect(texts('constructor')('bye')).toBe('Bye');
  });
});

describe('interpolate', () => {
  it('keeps unknown placeholders and stringifies numbers', () => {
    expect(interpolate('{n} of {total}', { n: 3 })).toBe('3 of {total}');
  });
  it('does not read inherited properties as variables', () => {
    expect(interpolate('{toString}', {})).toBe('{toString}');
  });
});
