/** readMessagePayload: a REST parameter — absent, JSON text or a value — read and checked. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMessagePayload } from '../src/messages/index.js';

describe('readMessagePayload', () => {
  it('treats an absent or empty parameter as none', () => {
    for (const raw of [undefined, null, '']) {
      expect(readMessagePayload('ATTACH', raw)).toEqual({ ok: true, value: undefined });
    }
  });

  it('decodes JSON text and returns the checked value', () => {
    expect(readMessagePayload('MENU', '[{"TEXT":"Echo","COMMAND":"echo"}]')).toEqual({
      ok: true,
      value: [{ TEXT: 'Echo', COMMAND: 'echo' }],
    });
    const attach = [{ MESSAGE: 'hi' }];
    expect(readMessagePayload('ATTACH', attach)).toEqual({ ok: true, value: attach });
  });

  it('answers *_ERROR for broken JSON and for values that fail the rules', () => {
    expect(readMessagePayload('ATTACH', '{not json')).toEqual({
      ok: false,
      problem: {
        field: 'ATTACH',
        code: 'ATTACH_ERROR',
        description: 'Complete transmitted object was not validated.',
        detail: 'ATTACH is a string but not JSON',
      },
    });
    expect(readMessagePayload('KEYBOARD', '"just text"')).toMatchObject({
      ok: false,
      problem: { code: 'KEYBOARD_ERROR' },
    });
    expect(readMessagePayload('MENU', [{ TEXT: 'x' }])).toMatchObject({
      ok: false,
      problem: { code: 'MENU_ERROR' },
    });
  });
});

describe('@imkit/frame/messages stays out of the browser entry', () => {
  it('index.ts does not import the messages module', () => {
    const entry = readFileSync(new URL('../src/index.ts', import.meta.url), 'utf8');
    expect(entry).not.toMatch(/messages/);
  });

  it('is exported as its own entry', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, string>;
    };
    expect(pkg.exports['./messages']).toBe('./src/messages/index.ts');
  });
});
