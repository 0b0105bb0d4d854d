/** KEYBOARD and MENU: the documented buttons, KEYBOARD_ERROR / MENU_ERROR and the *_OVERSIZE limit. */
import { describe, expect, it } from 'vitest';
import { checkKeyboard, checkMenu, checkMessagePayload } from '../src/messages/index.js';

const echoBotKeyboard = [
  { TEXT: 'Bitrix24', LINK: 'http://bitrix24.com', BG_COLOR: '#29619b', TEXT_COLOR: '#fff', DISPLAY: 'LINE' },
  { TYPE: 'NEWLINE' },
  { TEXT: 'Echo', COMMAND: 'echo', COMMAND_PARAMS: 'test from keyboard', DISPLAY: 'LINE' },
  { TEXT: 'Help', COMMAND: 'help', DISPLAY: 'BLOCK', BLOCK: 'Y' },
  { TEXT: 'Copy', ACTION: 'COPY', ACTION_VALUE: 'text' },
  { TEXT: 'App', APP_ID: 12, APP_PARAMS: 'x' },
] as const;

describe('KEYBOARD', () => {
  it('accepts the documented buttons, row breaks and the {BUTTONS} wrapper', () => {
    expect(checkKeyboard(echoBotKeyboard)).toBeNull();
    expect(checkMessagePayload('KEYBOARD', { BUTTONS: echoBotKeyboard })).toBeNull();
    expect(checkMessagePayload('KEYBOARD', { 0: { TEXT: 'php', COMMAND: 'c' } })).toBeNull();
  });

  it('refuses keyboards the host would refuse', () => {
    expect(checkKeyboard([])?.code).toBe('KEYBOARD_ERROR');
    expect(checkKeyboard([{ TEXT: '', LINK: 'https://a.example' }])?.code).toBe('KEYBOARD_ERROR');
    expect(checkKeyboard([{ TEXT: 'Go' }])?.code).toBe('KEYBOARD_ERROR');
    expect(checkKeyboard([{ TEXT: 'Go', ACTION: 'DIALOG', ACTION_VALUE: '' }])?.code).toBe('KEYBOARD_ERROR');
    const many = Array.from({ length: 400 }, (_, i) => ({
      TEXT: `Button ${i}`,
      LINK: `https://a.example/${'p'.repeat(60)}`,
    }));
    expect(checkKeyboard(many)?.code).toBe('KEYBOARD_OVERSIZE');
  });

  it.each([
    [[{ TYPE: 'NEWLINE' }], 'KEYBOARD has no buttons'],
    ['buttons', 'KEYBOARD is not a list of buttons'],
    [{ TEXT: 'not in a list', COMMAND: 'c' }, 'KEYBOARD is not a list of buttons'],
    [[{ LINK: 'https://x.example' }], '[0]: TEXT is empty'],
    [[{ TEXT: 'a', COMMAND: 'b' }, { TEXT: 'no action' }], '[1]: needs LINK, COMMAND, APP_ID or ACTION'],
    [[{ TEXT: 'a', COMMAND: 'b', DISPLAY: 'WIDE' }], '[0]: DISPLAY must be BLOCK or LINE'],
    [[{ TEXT: 'a', LINK: 'javascript:alert(1)', COMMAND: 'b' }], '[0]: LINK is not an http(s) URL'],
    [
      [{ TEXT: 'a', ACTION: 'OPEN', ACTION_VALUE: 'x' }],
      '[0]: ACTION must be one of PUT, SEND, COPY, CALL, DIALOG',
    ],
    [[{ TEXT: 'a', ACTION: 'CALL' }], '[0]: ACTION has no ACTION_VALUE'],
    [[7], '[0] is not an object'],
  ])('%j → %s', (value, detail) => {
    expect(checkMessagePayload('KEYBOARD', value)).toEqual({
      field: 'KEYBOARD',
      code: 'KEYBOARD_ERROR',
      description: 'Complete transmitted keyboard object was not validated.',
      detail,
    });
  });
});

describe('MENU', () => {
  it('accepts the documented items (no DISPLAY rule for menus)', () => {
    expect(
      checkMenu([
        { TEXT: 'Bitrix24', LINK: 'http://bitrix24.com' },
        { TEXT: 'Echo', COMMAND: 'echo', COMMAND_PARAMS: 'test from keyboard' },
        { TEXT: 'Open app', APP_ID: '12', APP_PARAMS: 'TEST' },
      ]),
    ).toBeNull();
    expect(checkMessagePayload('MENU', [{ TEXT: 'a', COMMAND: 'b', DISPLAY: 'WIDE' }])).toBeNull();
  });

  it('answers MENU_ERROR and MENU_OVERSIZE with the host descriptions', () => {
    expect(checkMessagePayload('MENU', [{ TEXT: 'Nothing' }])).toEqual({
      field: 'MENU',
      code: 'MENU_ERROR',
      description: 'Complete transmitted menu object was not validated.',
      detail: '[0]: needs LINK, COMMAND, APP_ID or ACTION',
    });
    const many = Array.from({ length: 400 }, (_, i) => ({
      TEXT: `item ${i} ${'y'.repeat(60)}`,
      COMMAND: 'c',
    }));
    expect(checkMenu(many)).toMatchObject({
      code: 'MENU_OVERSIZE',
      description: 'Maximum permissible menu size was exceeded (30 Kb).',
    });
    expect(checkMessagePayload('KEYBOARD', many)?.description).toBe(
      'Maximum permissible keyboard size was exceeded (30 Kb).',
    );
  });
});
