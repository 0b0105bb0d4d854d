import { describe, expect, it } from 'vitest';
import type { EmulatorEvents } from '../../src/private-api/contract.js';
import { readMessageEvent, readTrafficEvent } from '../src/portal/portal-events.js';

function traffic(call: Partial<EmulatorEvents['traffic']>): string {
  const entry: EmulatorEvents['traffic'] = {
    at: 1,
    method: 'user.current',
    params: {},
    status: 200,
    body: {},
    auth: 'application',
    ...call,
  };
  return JSON.stringify(entry);
}

describe('readMessageEvent', () => {
  it('reads {chatId, dialogId, message} as the emulator sends it', () => {
    const event: EmulatorEvents['message'] = {
      chatId: 12,
      dialogId: 'chat12',
      message: {
        id: 200,
        chatId: 12,
        authorId: 2,
        date: '2026-11-22T00:00:00+00:00',
        text: 'hi',
        system: false,
        params: {},
        links: [],
      },
    };
    expect(readMessageEvent(JSON.stringify(event))).toEqual(event);
  });

  it('refuses data that is not JSON', () => {
    expect(() => readMessageEvent('not json')).toThrow(/SSE message: the data is not JSON/);
  });
});

describe('readTrafficEvent', () => {
  it('shows a REST call with its params and reply', () => {
    const entry = readTrafficEvent(traffic({ body: { result: { ID: '1' } } }));
    expect(entry).toMatchObject({
      kind: 'rest',
      label: 'user.current → 200',
      source: 'auth: application',
      payload: {},
      reply: { result: { ID: '1' } },
    });
    expect(entry.note).toBeUndefined();
  });

  it('warns about errors returned with HTTP 200 and notes HTTP errors', () => {
    const ok200 = readTrafficEvent(
      traffic({ method: 'placement.bind', body: { error: 'INVALID_ERROR_COLOR' } }),
    );
    expect(ok200.note).toMatch(/INVALID_ERROR_COLOR with HTTP 200/);
    const denied = readTrafficEvent(
      traffic({ method: 'placement.bind', status: 403, body: { error: 'ACCESS_DENIED' } }),
    );
    expect(denied.note).toBe('HTTP 403 ACCESS_DENIED');
  });

  it('keeps unreadable events visible instead of throwing', () => {
    expect(readTrafficEvent('{broken').label).toBe('unreadable traffic event');
  });
});
