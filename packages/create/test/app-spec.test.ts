import { checkDeclaration, placementCatalog, placementCodes } from '@imkit/frame/placements';
import { describe, expect, it } from 'vitest';
import {
  type AppAnswers,
  appNameProblem,
  CreateError,
  checkAppSpec,
  readOption,
  readPlacement,
  readTitle,
  toDeclaration,
} from '../src/index.js';

const sidebar: AppAnswers = {
  name: 'my-app',
  placement: 'IM_SIDEBAR',
  title: 'My app',
  description: '',
  options: { iconName: 'fa-book' },
};

function refusal(answers: AppAnswers): CreateError {
  try {
    checkAppSpec(answers);
  } catch (error) {
    if (error instanceof CreateError) return error;
    throw error;
  }
  throw new Error('checkAppSpec accepted the answers');
}

describe('app names', () => {
  it.each(['my-app', 'a', 'app2', 'my.app_x', 'x'.repeat(40)])('accepts %s', (name) => {
    expect(appNameProblem(name)).toBeNull();
  });

  it.each([
    ['', /required/],
    ['My-App', /lower case/],
    ['-app', /start with a letter or a digit/],
    ['.hidden', /start with a letter or a digit/],
    ['my app', /not a valid package name/],
    ['@scope/app', /start with a letter or a digit/],
    ['app/../x', /not a valid package name/],
    ['app-', /end with a letter or a digit/],
    ['node_modules', /reserved/],
    ['x'.repeat(41), /at most 40/],
  ])('refuses %j', (name, message) => {
    expect(appNameProblem(name)).toMatch(message);
  });
});

describe('readPlacement', () => {
  it('accepts codes in any case and catalogue numbers', () => {
    expect(readPlacement('im_sidebar')).toEqual({ ok: true, value: 'IM_SIDEBAR' });
    expect(readPlacement(' 4 ')).toEqual({ ok: true, value: 'IM_CONTEXT_MENU' });
  });

  it.each(['IM_FOO', '6', '0', '', 'sidebar'])('refuses %j naming --placement', (text) => {
    const read = readPlacement(text);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(/^--placement: unknown placement/);
  });
});

describe('readOption (the host rules, as typed)', () => {
  it.each([
    ['IM_SIDEBAR', 'iconName', 'fa-book'],
    ['IM_SIDEBAR', 'color', 'AZURE'],
    ['IM_SIDEBAR', 'color', ''],
    ['IM_TEXTAREA', 'context', 'USER;CHAT'],
    ['IM_CONTEXT_MENU', 'role', 'ADMIN'],
    ['IM_SMILES_SELECTOR', 'extranet', 'Y'],
  ] as const)('%s accepts %s=%j', (placement, name, text) => {
    expect(readOption(placement, name, text)).toEqual({ ok: true, value: text });
  });

  it('reads width and height as numbers', () => {
    expect(readOption('IM_TEXTAREA', 'width', ' 360 ')).toEqual({ ok: true, value: 360 });
    expect(readOption('IM_TEXTAREA', 'height', '-5')).toMatchObject({ ok: false });
    expect(readOption('IM_TEXTAREA', 'height', '1e3')).toMatchObject({ ok: false });
  });

  it.each([
    ['IM_SIDEBAR', 'iconName', '', /--icon \(iconName\) is required/],
    ['IM_SIDEBAR', 'iconName', '12345', /INVALID_ERROR_ICON_NAME/],
    ['IM_SIDEBAR', 'iconName', `fa-${'x'.repeat(50)}`, /at most 50 characters/],
    ['IM_SIDEBAR', 'color', 'BLUE', /--color \(color\) must be empty or one of RED.*INVALID_ERROR_COLOR/],
    ['IM_TEXTAREA', 'context', 'USER; CHAT', /--context \(context\).*INVALID_ERROR_CONTEXT/],
    ['IM_TEXTAREA', 'context', 'user', /INVALID_ERROR_CONTEXT/],
    ['IM_NAVIGATION', 'role', 'OWNER', /--role \(role\) must be exactly USER or ADMIN/],
    ['IM_NAVIGATION', 'extranet', 'yes', /--extranet \(extranet\).*INVALID_ERROR_EXTRANET/],
    ['IM_NAVIGATION', 'context', 'ALL', /not an option of IM_NAVIGATION/],
    ['IM_CONTEXT_MENU', 'iconName', 'fa-book', /not an option of IM_CONTEXT_MENU/],
  ] as const)('%s refuses %s=%j', (placement, name, text, message) => {
    const read = readOption(placement, name, text);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(message);
  });
});

describe('readTitle', () => {
  it('trims, requires and limits the title', () => {
    expect(readTitle('  My app ')).toEqual({ ok: true, value: 'My app' });
    expect(readTitle('   ')).toEqual({ ok: false, message: '--title is required' });
    expect(readTitle('x'.repeat(51))).toMatchObject({ ok: false });
    expect(readTitle('two\nlines')).toMatchObject({ ok: false });
  });
});

describe('checkAppSpec', () => {
  it('builds a declaration the host chain accepts, for every placement', () => {
    for (const placement of placementCodes) {
      const spec = checkAppSpec({
        ...sidebar,
        placement,
        options: placementCatalog[placement].requiresIcon ? { iconName: 'fa-book' } : {},
      });
      expect(checkDeclaration(toDeclaration(spec))).toEqual([]);
      expect(toDeclaration(spec).handler).toBe('my-app/');
    }
  });

  it.each([
    [{ name: 'Bad' }, 'name', /--name: name "Bad" must be lower case/],
    [{ placement: 'IM_FOO' }, 'placement', /unknown placement "IM_FOO"/],
    [{ title: '' }, 'title', /--title is required/],
    [{ description: 'x'.repeat(201) }, 'description', /at most 200/],
    [{ options: {} }, 'iconName', /--icon \(iconName\) is required for IM_SIDEBAR/],
    [{ options: { iconName: 'fa-book', color: 'BLUE' } }, 'color', /INVALID_ERROR_COLOR/],
    [{ options: { iconName: 'fa-book', width: '300' } }, 'width', /not an option of IM_SIDEBAR/],
    [
      { placement: 'IM_CONTEXT_MENU', options: { iconName: 'fa-book' } },
      'iconName',
      /not an option of IM_CONTEXT_MENU/,
    ],
  ] as const)('refuses %j naming %s', (change, field, message) => {
    const error = refusal({ ...sidebar, ...change });
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('keeps typed option values as the declaration holds them', () => {
    const spec = checkAppSpec({
      ...sidebar,
      placement: 'im_textarea',
      options: { iconName: 'fa-book', context: ' USER;CHAT ', width: '360', height: '420', color: 'MINT' },
    });
    expect(spec.placement).toBe('IM_TEXTAREA');
    expect(spec.options).toEqual({
      iconName: 'fa-book',
      context: 'USER;CHAT',
      width: 360,
      height: 420,
      color: 'MINT',
    });
  });
});
