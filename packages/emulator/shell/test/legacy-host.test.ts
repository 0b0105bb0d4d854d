import { describe, expect, it } from 'vitest';
import {
  judgeLegacyMessage,
  type LegacyFrame,
  legacyInitMessage,
  newLoadId,
} from '../src/legacy/legacy-host.js';
import { fakeIframe, fakeWindow } from './frame-doubles.js';

const frame: LegacyFrame = {
  appId: 1,
  title: 'Legacy',
  origin: 'https://legacy.example.com',
  element: fakeIframe(fakeWindow()),
  loadId: '1234567890',
};

const message = (data: unknown, origin = frame.origin) => judgeLegacyMessage(frame, { origin, data });

describe('legacy host', () => {
  it('builds the init string the app expects', () => {
    expect(JSON.parse(legacyInitMessage('http://127.0.0.1:3000', '42'))).toEqual({
      action: 'init',
      domain: 'http://127.0.0.1:3000',
      uniqueLoadId: '42',
    });
  });

  it('makes a new digit-only id each load', () => {
    const ids = new Set(Array.from({ length: 20 }, () => newLoadId()));
    expect(ids.size).toBe(20);
    for (const id of ids) expect(id).toMatch(/^[1-9]\d{15}$/);
  });

  it('accepts actions with the current uniqueLoadId from the app origin', () => {
    expect(message(JSON.stringify({ action: 'send', message: 'hi', uniqueLoadId: '1234567890' }))).toEqual({
      accepted: true,
      action: { action: 'send', message: 'hi' },
    });
    expect(
      message(JSON.stringify({ action: 'openDialog', dialogId: 'chat2', uniqueLoadId: '1234567890' })),
    ).toEqual({
      accepted: true,
      action: { action: 'openDialog', dialogId: 'chat2' },
    });
    expect(message(JSON.stringify({ action: 'close', uniqueLoadId: '1234567890' })).accepted).toBe(true);
  });

  it('rejects a stale id, a foreign origin, objects, bad JSON and unknown actions', () => {
    const good = JSON.stringify({ action: 'send', message: 'hi', uniqueLoadId: '1234567890' });
    expect(message(JSON.stringify({ action: 'send', message: 'hi', uniqueLoadId: '999' })).accepted).toBe(
      false,
    );
    expect(message(good, 'https://legacy.example.com.evil.example').accepted).toBe(false);
    expect(message({ action: 'send', message: 'hi', uniqueLoadId: '1234567890' }).accepted).toBe(false);
    expect(message('{not json').accepted).toBe(false);
    expect(message(JSON.stringify({ action: 'explode', uniqueLoadId: '1234567890' })).accepted).toBe(false);
    expect(
      message(JSON.stringify({ action: 'send', message: '', uniqueLoadId: '1234567890' })).accepted,
    ).toBe(false);
  });
});
