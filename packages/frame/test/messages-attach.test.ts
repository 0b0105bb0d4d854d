/** ATTACH: the documented forms and blocks, the host's ATTACH_ERROR / ATTACH_OVERSIZE, and the 30 KB limit. */
import { describe, expect, it } from 'vitest';
import { attachProblem } from '../src/messages/attach-rules.js';
import { checkAttach, checkMessagePayload, messagePayloadSizeLimit } from '../src/messages/index.js';

const full = (BLOCKS: unknown) => ({ ID: 1, COLOR: '#29619b', BLOCKS });

describe('ATTACH structure', () => {
  it('accepts the documented full, short and multiple forms', () => {
    const blocks = [
      { USER: { NAME: 'Mantis', AVATAR: 'http://example.com/a.png', LINK: 'http://example.com/' } },
      { USER: { USER_ID: 1 } },
      { LINK: { NAME: 'Ticket', DESC: 'Before the release', LINK: 'https://api.example.com/' } },
      { LINK: { CHAT_ID: 1 } },
      { RICH_LINK: { LINK: 'https://example.com/page' } },
      { MESSAGE: 'API in [B]im 16.0.0[/B]' },
      { DELIMITER: { SIZE: 200, COLOR: '#c6c6c6' } },
      { DELIMITER: '' },
      {
        GRID: [
          { NAME: 'Priority', VALUE: 'High', DISPLAY: 'LINE', WIDTH: '250', COLOR: '#ff0000' },
          { NAME: 'New ticket', VALUE: '', DISPLAY: 'ROW' },
          { NAME: 'Category', VALUE: 'Suggestions', DISPLAY: 'COLUMN' },
        ],
      },
      { IMAGE: [{ NAME: 'Mantis', LINK: 'http://example.com/m.jpg', PREVIEW: 'http://example.com/p.jpg' }] },
      { IMAGE: { LINK: 'http://example.com/win.jpg' } },
      { FILE: [{ NAME: 'm.jpg', LINK: 'http://example.com/m.jpg', SIZE: '1500000' }] },
    ];
    expect(attachProblem(full(blocks))).toBeNull();
    expect(attachProblem(blocks)).toBeNull();
    expect(attachProblem([full(blocks), { BLOCKS: [{ MESSAGE: 'second' }] }])).toBeNull();
    expect(checkAttach({ BLOCKS: [{ MESSAGE: 'no ID, no COLOR' }] })).toBeNull();
  });

  it('reads PHP-style lists (objects with numeric keys) and numbers as text', () => {
    const php = { BLOCKS: { 0: { MESSAGE: 'a' }, 1: { GRID: { 0: { NAME: 'n', VALUE: 7 } } } } };
    expect(attachProblem(php)).toBeNull();
    expect(attachProblem({ 0: { MESSAGE: 42 } })).toBeNull();
  });

  it('refuses attachments the host would refuse', () => {
    expect(checkAttach({ ID: 1, COLOR: '', BLOCKS: [] })?.code).toBe('ATTACH_ERROR');
    expect(checkAttach({ ID: 1, COLOR: '', BLOCKS: [{ MESSAGE: ' ' }] })?.code).toBe('ATTACH_ERROR');
    expect(checkAttach({ ID: 1, COLOR: '', BLOCKS: [{ USER: { NAME: '' } }] })?.code).toBe('ATTACH_ERROR');
    expect(
      checkAttach({ ID: 1, COLOR: '', BLOCKS: [{ LINK: { NAME: 'x', LINK: 'javascript:alert(1)' } }] })?.code,
    ).toBe('ATTACH_ERROR');
    expect(checkAttach({ ID: 1, COLOR: '', BLOCKS: [{ GRID: [] }] })?.code).toBe('ATTACH_ERROR');
  });

  it.each([
    [[{ NOPE: 1 }], 'BLOCKS[0]: has none of MESSAGE, USER, LINK, RICH_LINK, DELIMITER, GRID, IMAGE, FILE'],
    [{ BLOCKS: [] }, 'BLOCKS is empty'],
    [{ BLOCKS: 'x' }, 'BLOCKS is not a list'],
    [[], 'ATTACH is empty'],
    ['text', 'ATTACH is neither an object with BLOCKS nor a list of blocks'],
    [42, 'ATTACH is neither an object with BLOCKS nor a list of blocks'],
    [null, 'ATTACH is neither an object with BLOCKS nor a list of blocks'],
    [[{ IMAGE: { NAME: 'no link' } }], 'BLOCKS[0]: IMAGE: needs LINK'],
    [[{ FILE: [{ LINK: 'ftp://example.com/f' }] }], 'BLOCKS[0]: FILE[0]: LINK is not an http(s) URL'],
    [[{ MESSAGE: 'ok' }, 'block'], 'BLOCKS[1]: is not an object'],
    [
      [{ GRID: [{ NAME: 'a', DISPLAY: 'WIDE' }] }],
      'BLOCKS[0]: GRID[0]: DISPLAY must be one of BLOCK, LINE, COLUMN, ROW',
    ],
    [[{ GRID: [{ NAME: 'a' }, { VALUE: ' ' }] }], 'BLOCKS[0]: GRID[1]: needs NAME or VALUE'],
    [[{ GRID: [{ NAME: 'a', LINK: 'data:text/html,x' }] }], 'BLOCKS[0]: GRID[0]: LINK is not an http(s) URL'],
    [[{ GRID: ['cell'] }], 'BLOCKS[0]: GRID[0] is not an object'],
    [[{ USER: { NAME: 'x', LINK: 'javascript:alert(1)' } }], 'BLOCKS[0]: USER: LINK is not an http(s) URL'],
    [[{ DELIMITER: 5 }], 'BLOCKS[0]: DELIMITER is not an object'],
    [[{ MESSAGE: 'ok', LINK: {} }], 'BLOCKS[0]: LINK is empty'],
    [[{ LINK: { NAME: 'x' } }], 'BLOCKS[0]: LINK: needs LINK or CHAT_ID or USER_ID'],
    [[{ BLOCKS: [{ MESSAGE: 'a' }] }, { BLOCKS: [] }], '[1].BLOCKS is empty'],
  ])('%j → %s', (value, detail) => {
    expect(checkMessagePayload('ATTACH', value)).toEqual({
      field: 'ATTACH',
      code: 'ATTACH_ERROR',
      description: 'Complete transmitted object was not validated.',
      detail,
    });
  });
});

describe('ATTACH size', () => {
  it('measures the encoded size in UTF-8 bytes against 30 KB', () => {
    const justFits = 'я'.repeat(Math.floor((messagePayloadSizeLimit - 100) / 2));
    expect(checkAttach({ ID: 1, COLOR: '', BLOCKS: [{ MESSAGE: justFits }] })).toBeNull();
    const tooBig = 'я'.repeat(messagePayloadSizeLimit / 2);
    expect(checkAttach({ ID: 1, COLOR: '', BLOCKS: [{ MESSAGE: tooBig }] })).toMatchObject({
      field: 'ATTACH',
      code: 'ATTACH_OVERSIZE',
    });
  });

  it('allows exactly 30 KB and refuses one byte more, with the host description', () => {
    const json = (text: string) => JSON.stringify([{ MESSAGE: text }]).length;
    const exact = 'x'.repeat(messagePayloadSizeLimit - json(''));
    expect(checkMessagePayload('ATTACH', [{ MESSAGE: exact }])).toBeNull();
    expect(checkMessagePayload('ATTACH', [{ MESSAGE: `${exact}x` }])).toEqual({
      field: 'ATTACH',
      code: 'ATTACH_OVERSIZE',
      description: 'Maximum permissible attachment size was exceeded (30 Kb).',
      detail: `${messagePayloadSizeLimit + 1} bytes > ${messagePayloadSizeLimit}`,
    });
  });

  it('checks structure before size', () => {
    expect(checkMessagePayload('ATTACH', [{ MESSAGE: 'x'.repeat(40_000) }, { NOPE: 1 }])?.code).toBe(
      'ATTACH_ERROR',
    );
  });

  it('answers ATTACH_ERROR instead of throwing for a value without a JSON form', () => {
    const cyclic: Record<string, unknown> = { NAME: 'loop' };
    cyclic.self = cyclic;
    expect(checkMessagePayload('ATTACH', [{ USER: cyclic }])).toMatchObject({
      code: 'ATTACH_ERROR',
      detail: 'ATTACH has no JSON form',
    });
    expect(checkMessagePayload('ATTACH', [{ MESSAGE: 'a', SIZE: 1n }])?.code).toBe('ATTACH_ERROR');
  });
});
