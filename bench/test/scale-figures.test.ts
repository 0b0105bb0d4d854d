import { describe, expect, it } from 'vitest';
import type { OAuthExchange } from '../src/scale/oauth-witness.js';
import {
  compareBindings,
  countLimitRefusals,
  countRefreshes,
  refreshesPerExpiry,
} from '../src/scale/scale-figures.js';

const grant = (n: number) => ({ accessToken: `a${n}`, refreshToken: `r${n}`, expires: 100 + n * 4 });
const exchange = (at: number, refreshToken: string, granted: number | null): OAuthExchange => ({
  at,
  refreshToken,
  grant: granted === null ? null : grant(granted),
  refusal: granted === null ? 'invalid_grant' : null,
});

describe('countRefreshes', () => {
  const expires = new Map([
    ['r0', 100],
    ['r1', 104],
    ['r2', 108],
  ]);
  const expiresOf = (token: string) => expires.get(token);

  it('one refresh per expired pair, install proofs left out, is 1 per expiry', () => {
    const exchanges = [
      exchange(99_000, 'install-refresh', 0),
      exchange(100_500, 'r0', 1),
      exchange(104_200, 'r1', 2),
    ];
    const count = countRefreshes(exchanges, new Set(['install-refresh']), expiresOf);
    expect(count).toEqual({ refreshes: 2, expiries: 2, refused: 0, early: 0 });
    expect(refreshesPerExpiry(count)).toBe(1);
  });

  it('counts every process racing for one expiry, refused or not', () => {
    const exchanges = [
      exchange(100_100, 'r0', 1),
      exchange(100_120, 'r0', null),
      exchange(100_130, 'r0', null),
    ];
    const count = countRefreshes(exchanges, new Set(), expiresOf);
    expect(count).toEqual({ refreshes: 3, expiries: 1, refused: 2, early: 0 });
    expect(refreshesPerExpiry(count)).toBe(3);
  });

  it('names a refresh made while the token was still valid as early', () => {
    const count = countRefreshes([exchange(102_000, 'r1', 2)], new Set(), expiresOf);
    expect(count.early).toBe(1);
  });

  it('is NaN when nothing expired, so the figure cannot pass by accident', () => {
    const count = countRefreshes(
      [exchange(1, 'install-refresh', 0)],
      new Set(['install-refresh']),
      expiresOf,
    );
    expect(count.expiries).toBe(0);
    expect(refreshesPerExpiry(count)).toBeNaN();
  });
});

describe('countLimitRefusals', () => {
  it('counts 503 QUERY_LIMIT_EXCEEDED and 429 OPERATION_TIME_LIMIT only', () => {
    expect(
      countLimitRefusals([
        { status: 200, error: null },
        { status: 503, error: 'QUERY_LIMIT_EXCEEDED' },
        { status: 503, error: 'INTERNAL_SERVER_ERROR' },
        { status: 429, error: 'OPERATION_TIME_LIMIT' },
        { status: 401, error: 'expired_token' },
        { status: 503, error: 'QUERY_LIMIT_EXCEEDED' },
      ]),
    ).toEqual({ queryLimit: 2, operatingTime: 1 });
  });
});

describe('compareBindings', () => {
  const base = 'https://scale.example.com/';
  const declared = [
    { placement: 'IM_SIDEBAR', handler: `${base}im-sidebar/` },
    { placement: 'IM_TEXTAREA', handler: `${base}im-textarea/` },
  ];

  it('is all zero when every declared pair is bound once', () => {
    expect(compareBindings(declared, declared, base)).toEqual({ duplicated: 0, missing: 0, extra: 0 });
  });

  it('counts a pair bound twice as one duplicate and an unbound one as missing', () => {
    const bound = [declared[0]!, declared[0]!, { placement: 'IM_NAVIGATION', handler: `${base}old/` }];
    expect(compareBindings(declared, bound, base)).toEqual({ duplicated: 1, missing: 1, extra: 1 });
  });

  it('ignores bindings of other handlers', () => {
    const bound = [
      ...declared,
      { placement: 'IM_SIDEBAR', handler: 'https://other.example.com/im-sidebar/' },
    ];
    expect(compareBindings(declared, bound, base)).toEqual({ duplicated: 0, missing: 0, extra: 0 });
  });
});
