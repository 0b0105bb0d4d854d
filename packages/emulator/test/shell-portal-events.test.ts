import { describe, expect, it } from 'vitest';
import { readMessageEvent, readTrafficEvent } from '../shell/src/portal/portal-events.js';
import { ShellDataError } from '../shell/src/portal/shell-data-error.js';

describe('readMessageEvent', () => {
  it('reads {dialogId, message} as the emulator sends it', () => {
    const data = JSON.stringify({
      chatId: 12,
      dialogId: 'chat12',
      message: {
        id: 200,
        chatId: 12,
        authorId: 2,
        date: '2026-11-22T00:00:00+00:00',
        text: 'hi',
        system: false,
      },
    });
    expect(readMessageEvent(data)).toEqual({
      id: 200,
      dialogId: 'chat12',
      authorId: 2,
      text: 'hi',
      date: '2026-11-22T00:00:00+00:00',
    });
  });

  it('names the field when the message cannot be read', () => {
    expect(() => readMessageEvent('{"dialogId":"chat1","message":{"text":"x"}}')).toThrow(ShellDataError);
    expect(() => readMessageEvent('{"dialogId":"chat1","message":{"text":"x"}}')).toThrow(
      /message event\.id/,
    );
    expect(() => readMessageEvent('not json')).toThrow(/not JSON/);
  });
});

describe('readTrafficEvent', () => {
  it('shows a REST call with its params and reply', () => {
    const entry = readTrafficEvent(
      JSON.stringify({
        method: 'user.current',
        params: {},
        status: 200,
        body: { result: { ID: '1' } },
        auth: 'application',
      }),
    );
    expect(entry).toMatchObject({ kind: 'rest', label: 'user.current → 200', source: 'auth: application' });
    expect(entry.note).toBeUndefined();
  });

  it('warns about errors returned with HTTP 200 and notes HTTP errors', () => {
    const ok200 = readTrafficEvent(
      JSON.stringify({ method: 'placement.bind', status: 200, body: { error: 'INVALID_ERROR_COLOR' } }),
    );
    expect(ok200.note).toMatch(/INVALID_ERROR_COLOR with HTTP 200/);
    const denied = readTrafficEvent(
      JSON.stringify({ method: 'placement.bind', status: 403, body: { error: 'ACCESS_DENIED' } }),
    );
    expect(denied.note).toBe('HTTP 403 ACCESS_DENIED');
  });

  it('keeps unreadable events visible instead of throwing', () => {
    expect(readTrafficEvent('{broken').label).toBe('unreadable traffic event');
  });
});
