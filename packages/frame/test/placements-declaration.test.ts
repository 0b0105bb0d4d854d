/** Placement declarations: `definePlacement`, `resolveHandler`, `toBindParams`, `checkDeclaration`. */
import { describe, expect, it } from 'vitest';
import {
  checkDeclaration,
  checkPlacementBind,
  definePlacement,
  resolveHandler,
  toBindParams,
} from '../src/placements/index.js';

const sidebar = definePlacement({
  placement: 'IM_SIDEBAR',
  handler: 'im-sidebar/',
  title: { en: 'Sidebar', de: 'Seitenleiste' },
  description: { en: 'Shows the chat at a glance' },
  options: { iconName: 'fa-columns', color: 'MINT', context: 'USER;CHAT' },
});

describe('resolveHandler', () => {
  it.each([
    ['http://127.0.0.1:5173/', 'im-sidebar/', 'http://127.0.0.1:5173/im-sidebar/'],
    ['http://127.0.0.1:5173', 'im-sidebar/', 'http://127.0.0.1:5173/im-sidebar/'],
    ['https://apps.example.com/imkit', 'im-sidebar/', 'https://apps.example.com/imkit/im-sidebar/'],
    ['https://apps.example.com/imkit/', 'im-sidebar/?v=2', 'https://apps.example.com/imkit/im-sidebar/?v=2'],
    ['https://apps.example.com/', 'im-sidebar/index.html', 'https://apps.example.com/im-sidebar/index.html'],
  ])('%s + %s = %s', (base, handler, url) => {
    expect(resolveHandler(base, handler)).toBe(url);
  });

  it('throws a TypeError for a base that is no URL', () => {
    expect(() => resolveHandler('apps', 'im-sidebar/')).toThrow(TypeError);
  });
});

describe('toBindParams', () => {
  it('builds the placement.bind parameters with English texts and LANG_ALL per language', () => {
    expect(toBindParams(sidebar, 'http://127.0.0.1:5173/')).toEqual({
      PLACEMENT: 'IM_SIDEBAR',
      HANDLER: 'http://127.0.0.1:5173/im-sidebar/',
      TITLE: 'Sidebar',
      DESCRIPTION: 'Shows the chat at a glance',
      GROUP_NAME: '',
      LANG_ALL: {
        en: { TITLE: 'Sidebar', DESCRIPTION: 'Shows the chat at a glance', GROUP_NAME: '' },
        de: { TITLE: 'Seitenleiste', DESCRIPTION: 'Shows the chat at a glance', GROUP_NAME: '' },
      },
      OPTIONS: { iconName: 'fa-columns', color: 'MINT', context: 'USER;CHAT' },
    });
  });

  it('produces parameters the host chain accepts', () => {
    const checked = checkPlacementBind(toBindParams(sidebar, 'http://127.0.0.1:5173/'));
    expect(checked.ok && checked.binding.options).toEqual({
      iconName: 'fa-columns',
      extranet: 'N',
      context: 'USER;CHAT',
      role: 'USER',
      color: 'MINT',
    });
  });

  it('copies the options rather than sharing them', () => {
    const params = toBindParams(sidebar, 'https://apps.example.com/');
    expect(params.OPTIONS).not.toBe(sidebar.options);
  });

  it('falls back to English for texts missing in a language', () => {
    const params = toBindParams(
      definePlacement({
        placement: 'IM_CONTEXT_MENU',
        handler: 'im-context-menu/',
        title: { en: 'Create task' },
        description: { en: 'From a message', ru: 'Из сообщения' },
        groupName: { en: 'Tools' },
        options: {},
      }),
      'https://apps.example.com/',
    );
    expect(params.LANG_ALL).toEqual({
      en: { TITLE: 'Create task', DESCRIPTION: 'From a message', GROUP_NAME: 'Tools' },
      ru: { TITLE: 'Create task', DESCRIPTION: 'Из сообщения', GROUP_NAME: 'Tools' },
    });
    expect(params.GROUP_NAME).toBe('Tools');
  });
});

describe('checkDeclaration', () => {
  it('finds nothing wrong in a valid declaration', () => {
    expect(checkDeclaration(sidebar)).toEqual([]);
    expect(checkDeclaration(sidebar, 'http://127.0.0.1:5173/')).toEqual([]);
  });

  it.each([null, undefined, 'IM_SIDEBAR', 42])('refuses %j as not an object', (declaration) => {
    expect(checkDeclaration(declaration)).toEqual([
      {
        field: 'declaration',
        rule: expect.any(String),
        error: {
          status: 0,
          error: 'INVALID_DECLARATION',
          error_description: 'The declaration is not an object',
        },
      },
    ]);
  });

  it('reports several problems at once: handler, title and every failing option', () => {
    const problems = checkDeclaration({
      placement: 'IM_TEXTAREA',
      handler: 'https://elsewhere.example.com/app/',
      title: { en: '' },
      options: { iconName: '123', role: 'OWNER', width: -1 },
    });
    expect(problems.map((problem) => problem.field)).toEqual([
      'handler',
      'title.en',
      'OPTIONS.width',
      'OPTIONS.iconName',
      'OPTIONS.role',
    ]);
    expect(problems[2]!.error).toMatchObject({ status: 200, error: 'INVALID_ERROR_WIDTH' });
  });

  it('still checks the options when the handler is missing', () => {
    const problems = checkDeclaration({
      placement: 'IM_SIDEBAR',
      title: { en: 'x' },
      options: { iconName: 'x', color: 'x' },
    });
    expect(problems.map((problem) => [problem.field, problem.error.error])).toEqual([
      ['handler', 'INVALID_DECLARATION'],
      ['OPTIONS.color', 'INVALID_ERROR_COLOR'],
    ]);
  });

  it.each([
    '/im-sidebar/',
    '//evil.example/',
    'http://localhost:5173/im-sidebar/',
    'javascript:alert(1)',
    '',
  ])('refuses the handler %j once, as not a relative path', (handler) => {
    const problems = checkDeclaration({ ...sidebar, handler });
    expect(problems.map((problem) => problem.field)).toEqual(['handler']);
  });

  it('reports a handler base the host refuses (localhost has no dot)', () => {
    expect(checkDeclaration(sidebar, 'http://localhost:5173/').map((problem) => problem.error.error)).toEqual(
      ['ERROR_WRONG_HANDLER_URL'],
    );
    expect(checkDeclaration(sidebar, 'not a base').map((problem) => problem.error.error)).toEqual([
      'ERROR_WRONG_HANDLER_URL',
    ]);
    expect(
      checkDeclaration(sidebar, 'ftp://files.example.com/').map((problem) => problem.error.error),
    ).toEqual(['ERROR_UNSUPPORTED_PROTOCOL']);
  });

  it('reports an unknown placement and a missing iconName with the host errors', () => {
    expect(
      checkDeclaration({ ...sidebar, placement: 'IM_DOCK' }).map((problem) => problem.error.error),
    ).toEqual(['ERROR_PLACEMENT_NOT_FOUND']);
    expect(checkDeclaration({ ...sidebar, placement: undefined })[0]?.error.error_description).toBe(
      "The value of an argument 'PLACEMENT' must be of type string",
    );
    expect(checkDeclaration({ ...sidebar, options: {} })).toEqual([
      expect.objectContaining({
        field: 'OPTIONS.iconName',
        error: expect.objectContaining({ argument: 'iconName' }),
      }),
    ]);
  });

  it('accepts options declared as undefined (they are never sent)', () => {
    expect(checkDeclaration({ ...sidebar, options: { iconName: 'fa-x', color: undefined } })).toEqual([]);
  });
});
