/** The emulator's im.message.add payload check: @imkit/frame/messages' problems as the host's REST errors. */
import { describe, expect, it } from 'vitest';
import { MethodError } from '../src/portal/method-error.js';
import { checkMessagePayload } from '../src/portal/rest/message-payload.js';

function errorOf(run: () => unknown): Record<string, unknown> & { status?: number } {
  try {
    run();
  } catch (error) {
    if (error instanceof MethodError) return { status: error.status, ...error.body() };
    throw error;
  }
  throw new Error('expected a MethodError');
}

describe('checkMessagePayload', () => {
  it('returns the value to store, decoded from JSON text, or undefined when absent', () => {
    expect(checkMessagePayload('ATTACH', undefined)).toBeUndefined();
    expect(checkMessagePayload('KEYBOARD', '')).toBeUndefined();
    expect(checkMessagePayload('MENU', '[{"TEXT":"Echo","COMMAND":"echo"}]')).toEqual([
      { TEXT: 'Echo', COMMAND: 'echo' },
    ]);
    const php = { 0: { MESSAGE: 'from a form post' } };
    expect(checkMessagePayload('ATTACH', php)).toBe(php);
  });

  it('answers 400 with the host code and description, never the developer detail', () => {
    expect(errorOf(() => checkMessagePayload('ATTACH', [{ LINK: { LINK: 'javascript:alert(1)' } }]))).toEqual(
      {
        status: 400,
        error: 'ATTACH_ERROR',
        error_description: 'Complete transmitted object was not validated.',
      },
    );
    expect(errorOf(() => checkMessagePayload('KEYBOARD', '{not json'))).toMatchObject({
      status: 400,
      error: 'KEYBOARD_ERROR',
    });
    const many = Array.from({ length: 400 }, (_, i) => ({
      TEXT: `item ${i} ${'y'.repeat(60)}`,
      COMMAND: 'c',
    }));
    expect(errorOf(() => checkMessagePayload('MENU', many))).toEqual({
      status: 400,
      error: 'MENU_OVERSIZE',
      error_description: 'Maximum permissible menu size was exceeded (30 Kb).',
    });
  });
});
