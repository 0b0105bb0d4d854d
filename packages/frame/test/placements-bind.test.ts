/** `checkPlacementBind` and `handlerUrlProblem`: the whole `placement.bind` chain (HOST-PROTOCOL.md §2). */
import { describe, expect, it } from 'vitest';
import { checkPlacementBind, handlerUrlProblem, phpIntval } from '../src/placements/index.js';

const valid = {
  PLACEMENT: 'IM_SIDEBAR',
  HANDLER: 'http://127.0.0.1:5173/im-sidebar/',
  TITLE: 'Sidebar',
  OPTIONS: { iconName: 'fa-columns' },
};

function errorOf(params: unknown) {
  const checked = checkPlacementBind(params);
  return checked.ok ? null : checked.error;
}

describe('PLACEMENT', () => {
  it.each([undefined, 5, null, ['IM_SIDEBAR'], { code: 'IM_SIDEBAR' }])(
    '%j (not a string) fails first',
    (placement) => {
      expect(errorOf({ ...valid, PLACEMENT: placement })).toEqual({
        status: 400,
        error: 'ERROR_ARGUMENT',
        error_description: "The value of an argument 'PLACEMENT' must be of type string",
      });
    },
  );

  it('empty fails', () => {
    expect(errorOf({ ...valid, PLACEMENT: '' })).toEqual({
      status: 400,
      error: 'ERROR_ARGUMENT',
      error_description: "Argument 'PLACEMENT' is null or empty",
      argument: 'PLACEMENT',
    });
  });

  it('unknown fails with ERROR_PLACEMENT_NOT_FOUND', () => {
    for (const placement of ['IM_FOO', 'CRM_LEAD_DETAIL_TAB', 'IM_SIDEBAR ']) {
      expect(errorOf({ ...valid, PLACEMENT: placement })).toEqual({
        status: 400,
        error: 'ERROR_PLACEMENT_NOT_FOUND',
        error_description: 'Placement not found',
      });
    }
  });

  it('is upper-cased before lookup', () => {
    const checked = checkPlacementBind({ ...valid, PLACEMENT: 'im_sidebar' });
    expect(checked.ok && checked.binding.placement).toBe('IM_SIDEBAR');
  });
});

describe('HANDLER', () => {
  it.each([undefined, '', null])('%j fails as null or empty', (handler) => {
    expect(errorOf({ ...valid, HANDLER: handler })).toEqual({
      status: 400,
      error: 'ERROR_ARGUMENT',
      error_description: "Argument 'HANDLER' is null or empty",
      argument: 'HANDLER',
    });
  });

  it.each([
    'http://localhost/',
    'http://localhost:5173/im-sidebar/',
    'https://.example.com/',
    'https://intranet/',
    'not a url',
    'im-sidebar/',
    '/im-sidebar/',
    'mailto:someone@example.com',
  ])('%j fails with ERROR_WRONG_HANDLER_URL (no dot after the first host character)', (handler) => {
    expect(errorOf({ ...valid, HANDLER: handler })).toEqual({
      status: 400,
      error: 'ERROR_WRONG_HANDLER_URL',
      error_description: 'Wrong handler URL',
    });
  });

  it.each(['ftp://a.b/', 'ws://app.example.com/', 'file://share.example.com/x'])(
    '%j fails with ERROR_UNSUPPORTED_PROTOCOL',
    (handler) => {
      expect(errorOf({ ...valid, HANDLER: handler })).toMatchObject({
        status: 400,
        error: 'ERROR_UNSUPPORTED_PROTOCOL',
      });
    },
  );

  it.each([
    'http://127.0.0.1:5173/',
    'http://127.0.0.1:5173/im-sidebar/',
    'http://a.b/',
    'https://app.example.com/x?y=1#z',
    'HTTPS://APP.EXAMPLE.COM/',
  ])('%j passes', (handler) => {
    expect(handlerUrlProblem(handler)).toBeNull();
    expect(errorOf({ ...valid, HANDLER: handler })).toBeNull();
  });

  it('stores the exact HANDLER string', () => {
    const handler = 'https://app.example.com/im-sidebar/?v=2';
    const checked = checkPlacementBind({ ...valid, HANDLER: handler });
    expect(checked.ok && checked.binding.handler).toBe(handler);
  });
});

describe('USER_ID', () => {
  it.each([1, '5', ' 3', '7abc', '1e3'])(
    '%j (> 0 as PHP intval) fails with ERROR_PLACEMENT_USER_MODE',
    (userId) => {
      expect(errorOf({ ...valid, USER_ID: userId })).toMatchObject({
        status: 400,
        error: 'ERROR_PLACEMENT_USER_MODE',
      });
    },
  );

  it.each([0, '0', '', '-1', 'abc', '0.9', undefined])('%j passes', (userId) => {
    expect(errorOf({ ...valid, USER_ID: userId })).toBeNull();
  });

  it('phpIntval reads like PHP 7.1+ intval', () => {
    const cases: [string, number][] = [
      [' 12', 12],
      ['\t\n7', 7],
      ['+4', 4],
      ['-3x', -3],
      ['x3', 0],
      ['', 0],
      ['0012', 12],
      ['1e3', 1000],
      ['-1e3', -1000],
      ['1e-3', 0],
      ['-1e-3', 0],
      ['-0.5', 0],
      ['2.9px', 2],
      ['.5', 0],
      ['-.5e1', -5],
      ['0x1A', 0],
      ['1e400', Number.MAX_SAFE_INTEGER],
      ['-1e400', -Number.MAX_SAFE_INTEGER],
      ['\u00a05', 0],
    ];
    for (const [text, value] of cases) expect([text, phpIntval(text)]).toEqual([text, value]);
  });
});

describe('chain order', () => {
  it('reports the first failing step: PLACEMENT, HANDLER, handler URL, protocol, placement, options, USER_ID', () => {
    const steps: [Record<string, unknown>, string][] = [
      [{ PLACEMENT: 5 }, 'ERROR_ARGUMENT'],
      [{ PLACEMENT: 'IM_NOPE', HANDLER: '' }, 'ERROR_ARGUMENT'],
      [{ PLACEMENT: 'IM_NOPE', HANDLER: 'http://localhost/' }, 'ERROR_WRONG_HANDLER_URL'],
      [{ PLACEMENT: 'IM_NOPE', HANDLER: 'ftp://a.b/' }, 'ERROR_UNSUPPORTED_PROTOCOL'],
      [{ PLACEMENT: 'IM_NOPE', HANDLER: 'https://a.b/' }, 'ERROR_PLACEMENT_NOT_FOUND'],
      [{ PLACEMENT: 'IM_SIDEBAR', HANDLER: 'https://a.b/', OPTIONS: {} }, 'ERROR_ARGUMENT'],
      [
        { PLACEMENT: 'IM_SIDEBAR', HANDLER: 'https://a.b/', OPTIONS: { iconName: 'x', color: 'x' } },
        'INVALID_ERROR_COLOR',
      ],
      [
        { PLACEMENT: 'IM_SIDEBAR', HANDLER: 'https://a.b/', OPTIONS: { iconName: 'x' } },
        'ERROR_PLACEMENT_USER_MODE',
      ],
    ];
    for (const [params, code] of steps) {
      expect(errorOf({ ...params, USER_ID: 1 })?.error).toBe(code);
    }
    expect(
      errorOf({ PLACEMENT: 'IM_SIDEBAR', HANDLER: 'https://a.b/', OPTIONS: { iconName: 'x' } }),
    ).toBeNull();
  });

  it('lists every problem the host would report, one per step, the reported one first', () => {
    const checked = checkPlacementBind({
      PLACEMENT: 'IM_TEXTAREA',
      HANDLER: 'http://localhost/',
      OPTIONS: { iconName: 'x', role: 'x', color: 'x' },
      USER_ID: 3,
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.error.error).toBe('ERROR_WRONG_HANDLER_URL');
    expect(checked.problems.map((problem) => [problem.field, problem.error.error])).toEqual([
      ['HANDLER', 'ERROR_WRONG_HANDLER_URL'],
      ['OPTIONS.color', 'INVALID_ERROR_COLOR'],
      ['OPTIONS.role', 'INVALID_ERROR_ROLE'],
      ['USER_ID', 'ERROR_PLACEMENT_USER_MODE'],
    ]);
  });

  it('answers an option error with HTTP 200 and no argument, everything else with HTTP 400', () => {
    expect(errorOf({ ...valid, OPTIONS: { iconName: 'x', extranet: 'x' } })).toEqual({
      status: 200,
      error: 'INVALID_ERROR_EXTRANET',
      error_description: 'Field extranet is invalid.',
    });
    expect(errorOf({ ...valid, OPTIONS: 'x' })).toMatchObject({ status: 400, error: 'ERROR_ARGUMENT' });
    expect(errorOf({ ...valid, OPTIONS: {} })).toMatchObject({ status: 400, argument: 'iconName' });
  });

  it('never throws on parameters that are not an object', () => {
    for (const params of [undefined, null, 'IM_SIDEBAR', 42, [], () => 1]) {
      expect(checkPlacementBind(params)).toMatchObject({ ok: false, error: { status: 400 } });
    }
  });
});

describe('success', () => {
  it('returns the binding as the host stores it', () => {
    const checked = checkPlacementBind({
      ...valid,
      DESCRIPTION: 'Shows things',
      GROUP_NAME: 7,
      USER_ID: 0,
      OPTIONS: { iconName: 'fa-columns', color: 'MINT', extra: 'dropped' },
      LANG_ALL: {
        en: { TITLE: 'Sidebar', DESCRIPTION: 'Shows things', EXTRA: 'dropped' },
        de: { TITLE: 'Seitenleiste' },
        fr: 'not an object',
      },
    });
    expect(checked).toEqual({
      ok: true,
      binding: {
        placement: 'IM_SIDEBAR',
        handler: 'http://127.0.0.1:5173/im-sidebar/',
        options: { iconName: 'fa-columns', extranet: 'N', context: 'ALL', role: 'USER', color: 'MINT' },
        title: 'Sidebar',
        description: 'Shows things',
        groupName: '7',
        langAll: { en: { TITLE: 'Sidebar', DESCRIPTION: 'Shows things' }, de: { TITLE: 'Seitenleiste' } },
      },
    });
  });

  it('defaults missing texts to empty strings', () => {
    const checked = checkPlacementBind({ PLACEMENT: 'IM_CONTEXT_MENU', HANDLER: 'https://app.example.com/' });
    expect(checked).toEqual({
      ok: true,
      binding: {
        placement: 'IM_CONTEXT_MENU',
        handler: 'https://app.example.com/',
        options: { extranet: 'N', context: 'ALL', role: 'USER' },
        title: '',
        description: '',
        groupName: '',
        langAll: {},
      },
    });
  });
});
