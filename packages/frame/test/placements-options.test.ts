/** `checkPlacementOptions`: the host's option rules for each placement (HOST-PROTOCOL.md §1). */
import { describe, expect, it } from 'vitest';
import {
  checkPlacementOptions,
  type OptionName,
  type PlacementCode,
  placementCatalog,
  placementCodes,
  placementColors,
} from '../src/placements/index.js';

const icon = { iconName: 'fa-smile-o' };

function errorOf(placement: PlacementCode, options: unknown) {
  const checked = checkPlacementOptions(placement, options);
  return checked.ok ? null : checked.error;
}

function optionError(name: OptionName, code: string) {
  return { status: 200, error: code, error_description: `Field ${name} is invalid.` };
}

describe('iconName', () => {
  it.each([
    ['a'.repeat(50), true],
    ['a'.repeat(51), false],
    [`fa-${'1'.repeat(47)}`, true],
    [`fa-${'1'.repeat(48)}`, false],
    ['fa-smile-o', true],
    ['1 2', true],
    ['---', true],
    ['12345', false],
    ['!!!', false],
    ['фа', false],
    ['_', false],
  ])('%j valid: %s', (iconName, valid) => {
    const error = errorOf('IM_SIDEBAR', { iconName });
    expect(error).toEqual(valid ? null : optionError('iconName', 'INVALID_ERROR_ICON_NAME'));
  });

  it.each(['IM_NAVIGATION', 'IM_TEXTAREA', 'IM_SIDEBAR'] as const)(
    'missing on %s is HTTP 400 ERROR_ARGUMENT naming the argument',
    (placement) => {
      for (const options of [
        undefined,
        null,
        '',
        {},
        { iconName: '' },
        { iconName: '0' },
        { iconName: null },
      ]) {
        expect(errorOf(placement, options)).toEqual({
          status: 400,
          error: 'ERROR_ARGUMENT',
          error_description: "Argument 'iconName' is null or empty",
          argument: 'iconName',
        });
      }
    },
  );

  it('is neither required nor stored for IM_CONTEXT_MENU and IM_SMILES_SELECTOR', () => {
    for (const placement of ['IM_CONTEXT_MENU', 'IM_SMILES_SELECTOR'] as const) {
      const checked = checkPlacementOptions(placement, { iconName: '123' });
      expect(checked).toEqual({ ok: true, options: { extranet: 'N', context: 'ALL', role: 'USER' } });
    }
  });
});

describe('extranet, role, color', () => {
  it.each([
    ['Y', true],
    ['N', true],
    ['y', false],
    ['YES', false],
    [' Y', false],
    ['', false],
  ])('extranet %j valid: %s', (extranet, valid) => {
    expect(errorOf('IM_NAVIGATION', { ...icon, extranet })).toEqual(
      valid ? null : optionError('extranet', 'INVALID_ERROR_EXTRANET'),
    );
  });

  it.each([
    ['USER', true],
    ['ADMIN', true],
    ['user', false],
    ['Admin', false],
    ['ADMIN ', false],
    ['', false],
  ])('role %j valid: %s', (role, valid) => {
    expect(errorOf('IM_CONTEXT_MENU', { role })).toEqual(
      valid ? null : optionError('role', 'INVALID_ERROR_ROLE'),
    );
  });

  it.each([...placementColors, ''])('color %j is accepted and stored', (color) => {
    for (const placement of ['IM_TEXTAREA', 'IM_SIDEBAR'] as const) {
      const checked = checkPlacementOptions(placement, { ...icon, color });
      expect(checked.ok && checked.options.color).toBe(color);
    }
  });

  it.each(['red', 'BLUE', 'LIGHT BLUE', ' RED', 'RED;GREEN'])('color %j is refused', (color) => {
    expect(errorOf('IM_SIDEBAR', { ...icon, color })).toEqual(optionError('color', 'INVALID_ERROR_COLOR'));
  });

  it('has exactly the 17 host colours', () => {
    expect(placementColors).toHaveLength(17);
  });
});

describe('context', () => {
  it.each([
    'ALL',
    'USER',
    'CHAT',
    'LINES',
    'CRM',
    'USER;CHAT',
    'USER;CHAT;LINES;CRM',
    ' ALL ',
    ' USER;CHAT\n',
  ])('%j is accepted', (context) => {
    expect(errorOf('IM_CONTEXT_MENU', { context })).toBeNull();
  });

  it.each([
    'ALL;',
    ';ALL',
    'all',
    'User',
    'USER; CHAT',
    'USER ;CHAT',
    'USER,CHAT',
    'USER;;CHAT',
    '',
    ' ',
    'BOT',
  ])('%j is refused', (context) => {
    expect(errorOf('IM_SMILES_SELECTOR', { context })).toEqual(
      optionError('context', 'INVALID_ERROR_CONTEXT'),
    );
  });

  it('is not checked where the placement has no context (IM_NAVIGATION drops it)', () => {
    expect(checkPlacementOptions('IM_NAVIGATION', { ...icon, context: 'nonsense' })).toEqual({
      ok: true,
      options: { ...icon, extranet: 'N', role: 'USER' },
    });
  });
});

describe('width and height (IM_TEXTAREA)', () => {
  it.each([
    [100, '100'],
    ['250', '250'],
    [0, '0'],
    ['0', '0'],
    ['-0', '0'],
    ['abc', '0'],
    ['', '0'],
    ['12px', '12'],
    [' 7', '7'],
    [3.9, '3'],
    ['1e3', '1000'],
    ['-0.5', '0'],
    ['-1e-3', '0'],
  ])('%j is accepted and stored as %j (PHP intval)', (value, stored) => {
    for (const name of ['width', 'height'] as const) {
      const checked = checkPlacementOptions('IM_TEXTAREA', { ...icon, [name]: value });
      expect(checked.ok && checked.options[name]).toBe(stored);
    }
  });

  it.each([-1, '-1', ' -5', '-12px', '-1e3', -0.0001e5])('%j (negative) is refused', (value) => {
    expect(errorOf('IM_TEXTAREA', { ...icon, width: value })).toEqual(
      optionError('width', 'INVALID_ERROR_WIDTH'),
    );
    expect(errorOf('IM_TEXTAREA', { ...icon, height: value })).toEqual(
      optionError('height', 'INVALID_ERROR_HEIGHT'),
    );
  });

  it('refuses values that are not scalars', () => {
    expect(errorOf('IM_TEXTAREA', { ...icon, width: { px: 1 } })).toEqual(
      optionError('width', 'INVALID_ERROR_WIDTH'),
    );
    expect(errorOf('IM_TEXTAREA', { ...icon, height: [1] })).toEqual(
      optionError('height', 'INVALID_ERROR_HEIGHT'),
    );
  });
});

describe('keys and defaults', () => {
  it('fills in the host defaults per placement', () => {
    expect(checkPlacementOptions('IM_NAVIGATION', icon)).toEqual({
      ok: true,
      options: { iconName: 'fa-smile-o', extranet: 'N', role: 'USER' },
    });
    expect(checkPlacementOptions('IM_TEXTAREA', icon)).toEqual({
      ok: true,
      options: {
        iconName: 'fa-smile-o',
        extranet: 'N',
        context: 'ALL',
        role: 'USER',
        color: '',
        height: '100',
        width: '100',
      },
    });
    expect(checkPlacementOptions('IM_SIDEBAR', icon)).toEqual({
      ok: true,
      options: { iconName: 'fa-smile-o', extranet: 'N', context: 'ALL', role: 'USER', color: '' },
    });
    for (const placement of ['IM_CONTEXT_MENU', 'IM_SMILES_SELECTOR'] as const) {
      for (const options of [undefined, null, '', {}, []]) {
        expect(checkPlacementOptions(placement, options)).toEqual({
          ok: true,
          options: { extranet: 'N', context: 'ALL', role: 'USER' },
        });
      }
    }
  });

  it('keeps given values as the strings the host stores', () => {
    const checked = checkPlacementOptions('IM_TEXTAREA', {
      iconName: 'fa-bolt',
      extranet: 'Y',
      context: 'USER;CHAT',
      role: 'ADMIN',
      color: 'AQUA',
      width: 300,
      height: '200',
    });
    expect(checked).toEqual({
      ok: true,
      options: {
        iconName: 'fa-bolt',
        extranet: 'Y',
        context: 'USER;CHAT',
        role: 'ADMIN',
        color: 'AQUA',
        height: '200',
        width: '300',
      },
    });
  });

  it('drops unknown keys, also ones that differ only in case (keys are case-sensitive)', () => {
    const checked = checkPlacementOptions('IM_SIDEBAR', {
      ...icon,
      foo: 'bar',
      Color: 'NOT_A_COLOR',
      EXTRANET: 'maybe',
      width: -5,
    });
    expect(checked).toEqual({
      ok: true,
      options: { iconName: 'fa-smile-o', extranet: 'N', context: 'ALL', role: 'USER', color: '' },
    });
  });

  it('does not read a differently cased iconName', () => {
    expect(errorOf('IM_NAVIGATION', { IconName: 'fa-x', iconname: 'fa-x' })).toMatchObject({
      status: 400,
      argument: 'iconName',
    });
  });

  it('treats a key set to undefined as absent (it never reaches the host)', () => {
    expect(checkPlacementOptions('IM_SIDEBAR', { ...icon, color: undefined, extranet: undefined })).toEqual({
      ok: true,
      options: { iconName: 'fa-smile-o', extranet: 'N', context: 'ALL', role: 'USER', color: '' },
    });
  });

  it.each(['abc', 5, true])('OPTIONS %j (not an object) is HTTP 400 ERROR_ARGUMENT', (options) => {
    for (const placement of placementCodes) {
      const checked = checkPlacementOptions(placement, options);
      expect(checked).toMatchObject({
        ok: false,
        error: {
          status: 400,
          error: 'ERROR_ARGUMENT',
          error_description: "The value of an argument 'options' must be of type array",
        },
      });
    }
  });
});

describe('several failing checks: the last one in chain order is reported, with HTTP 200', () => {
  const bad: Record<OptionName, string> = {
    iconName: '123',
    extranet: 'x',
    context: 'x',
    role: 'x',
    color: 'x',
    width: '-1',
    height: '-1',
  };
  const codes: Record<OptionName, string> = {
    iconName: 'INVALID_ERROR_ICON_NAME',
    extranet: 'INVALID_ERROR_EXTRANET',
    context: 'INVALID_ERROR_CONTEXT',
    role: 'INVALID_ERROR_ROLE',
    color: 'INVALID_ERROR_COLOR',
    width: 'INVALID_ERROR_WIDTH',
    height: 'INVALID_ERROR_HEIGHT',
  };
  const chains: Record<PlacementCode, OptionName[]> = {
    IM_NAVIGATION: ['iconName', 'extranet', 'role'],
    IM_TEXTAREA: ['iconName', 'extranet', 'context', 'role', 'color', 'height', 'width'],
    IM_SIDEBAR: ['iconName', 'extranet', 'context', 'role', 'color'],
    IM_CONTEXT_MENU: ['extranet', 'context', 'role'],
    IM_SMILES_SELECTOR: ['extranet', 'context', 'role'],
  };

  it.each(placementCodes)('%s follows the host chain order', (placement) => {
    const chain = chains[placement];
    expect(placementCatalog[placement].options).toEqual(chain);
    // Make every option bad, then repair them from the end: each time the last bad one is reported.
    for (let bads = chain.length; bads >= 1; bads -= 1) {
      const options: Record<string, string> = { iconName: 'fa-x' };
      for (const name of chain.slice(0, bads)) options[name] = bad[name];
      const checked = checkPlacementOptions(placement, options);
      const last = chain[bads - 1]!;
      expect(checked.ok).toBe(false);
      if (checked.ok) continue;
      expect(checked.error).toEqual(optionError(last, codes[last]));
      expect(checked.problems.map((problem) => problem.field)).toEqual(
        chain.slice(0, bads).map((name) => `OPTIONS.${name}`),
      );
      expect(checked.problems.every((problem) => problem.error.status === 200)).toBe(true);
    }
  });

  it('reports the last failure even when an earlier and a later check fail with good ones between', () => {
    expect(errorOf('IM_TEXTAREA', { iconName: '1', role: 'ADMIN', width: '-3' })).toEqual(
      optionError('width', 'INVALID_ERROR_WIDTH'),
    );
    expect(errorOf('IM_TEXTAREA', { iconName: 'fa-x', extranet: 'Q', height: -3, width: 10 })).toEqual(
      optionError('height', 'INVALID_ERROR_HEIGHT'),
    );
  });

  it('names each problem by field with a readable rule', () => {
    const checked = checkPlacementOptions('IM_SIDEBAR', { iconName: 'fa-x', color: 'x' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual([
      {
        field: 'OPTIONS.color',
        rule: expect.stringContaining('RED'),
        error: optionError('color', 'INVALID_ERROR_COLOR'),
      },
    ]);
  });
});
