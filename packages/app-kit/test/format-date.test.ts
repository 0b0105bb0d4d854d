import { describe, expect, it } from 'vitest';
import { formatDate } from '../src/format-date.js';

const iso = '2024-03-05T14:07:00+00:00';

describe('formatDate', () => {
  it('formats an ATOM date short, in the given language', () => {
    const time = Date.parse(iso);
    const expected = (lang: string) =>
      new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short' }).format(time);
    expect(formatDate(iso, 'en')).toBe(expected('en'));
    expect(formatDate(iso, 'de')).toBe(expected('de'));
    expect(formatDate(iso, 'en')).not.toBe(formatDate(iso, 'de'));
  });

  it('uses English when no language is given', () => {
    expect(formatDate(iso, '')).toBe(formatDate(iso, 'en'));
  });

  it('returns text that is not a date as it is', () => {
    expect(formatDate('yesterday', 'en')).toBe('yesterday');
    expect(formatDate('', 'en')).toBe('');
  });

  it('falls back to UTC "YYYY-MM-DD HH:MM" for a language tag Intl refuses', () => {
    expect(formatDate(iso, 'not a language!')).toBe('2024-03-05 14:07');
  });
});
