import { describe, expect, it } from 'vitest';
import { asList, parseQueryString } from '../src/portal/rest/php-params.js';

describe('PHP-style parameters', () => {
  it('nests bracket keys into objects and appends [] entries', () => {
    expect(parseQueryString('OPTIONS[iconName]=x&OPTIONS[width]=3&a=1')).toEqual({
      OPTIONS: { iconName: 'x', width: '3' },
      a: '1',
    });
    expect(parseQueryString('list[]=a&list[]=b&deep[a][b][c]=d')).toEqual({
      list: { 0: 'a', 1: 'b' },
      deep: { a: { b: { c: 'd' } } },
    });
    expect(asList(parseQueryString('l[]=a&l[]=b').l)).toEqual(['a', 'b']);
  });

  it('drops prototype keys and overly deep keys', () => {
    const parsed = parseQueryString('__proto__[x]=1&a[__proto__][y]=2&ok=1');
    expect(parsed).toEqual({ ok: '1' });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    const deep = `k${'[a]'.repeat(40)}=1`;
    expect(parseQueryString(deep)).toEqual({});
  });
});
