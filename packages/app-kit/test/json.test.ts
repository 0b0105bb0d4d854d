import { describe, expect, it } from 'vitest';
import { asArray, asId, asRecord, parseJson, readBoolean, readId, readString } from '../src/json.js';

describe('asRecord / asArray', () => {
  it('accepts only plain objects as records and only arrays as arrays', () => {
    expect(asRecord({ a: 1 })).toEqual({ a: 1 });
    for (const value of [null, undefined, 1, 'x', true, [1]]) expect(asRecord(value)).toBeNull();
    expect(asArray([1, 2])).toEqual([1, 2]);
    for (const value of [null, undefined, 1, 'x', { 0: 'a' }]) expect(asArray(value)).toEqual([]);
  });
});

describe('readString', () => {
  it('reads strings and finite numbers, anything else is empty', () => {
    const record = { s: 'text', n: 12, inf: Number.POSITIVE_INFINITY, nan: Number.NaN, o: {}, b: true };
    expect(readString(record, 's')).toBe('text');
    expect(readString(record, 'n')).toBe('12');
    for (const key of ['inf', 'nan', 'o', 'b', 'missing']) expect(readString(record, key)).toBe('');
    expect(readString(null, 's')).toBe('');
  });
});

describe('readId', () => {
  it('reads non-negative safe integers given as numbers or digit strings, else 0', () => {
    const record = {
      n: 7,
      s: '42',
      zero: '0',
      neg: -3,
      frac: 1.5,
      big: 2 ** 53,
      text: '12a',
      sign: '+1',
      e: '1e3',
    };
    expect(readId(record, 'n')).toBe(7);
    expect(readId(record, 's')).toBe(42);
    for (const key of ['zero', 'neg', 'frac', 'big', 'text', 'sign', 'e', 'missing']) {
      expect(readId(record, key)).toBe(0);
    }
    expect(readId(null, 'n')).toBe(0);
  });
});

describe('readBoolean', () => {
  it('is true only for true and the host\'s "Y"', () => {
    const record = { t: true, y: 'Y', n: 'N', lower: 'y', one: 1, f: false };
    expect(readBoolean(record, 't')).toBe(true);
    expect(readBoolean(record, 'y')).toBe(true);
    for (const key of ['n', 'lower', 'one', 'f', 'missing']) expect(readBoolean(record, key)).toBe(false);
    expect(readBoolean(null, 't')).toBe(false);
  });
});

describe('parseJson', () => {
  it('reads JSON text; absent, empty or damaged text is undefined', () => {
    expect(parseJson('[1,"a"]')).toEqual([1, 'a']);
    expect(parseJson('{"a":null}')).toEqual({ a: null });
    for (const raw of [undefined, '', '{oops', 'undefined']) expect(parseJson(raw)).toBeUndefined();
  });
});

describe('asId', () => {
  it('reads non-negative integers given as numbers or digit strings; anything else is 0', () => {
    expect(asId(345)).toBe(345);
    expect(asId('345')).toBe(345);
    for (const value of ['', ' 5', '5x', '-1', -1, 1.5, '9007199254740993', null, undefined, {}]) {
      expect(asId(value)).toBe(0);
    }
  });
});
