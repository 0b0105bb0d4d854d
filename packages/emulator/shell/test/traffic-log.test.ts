import { afterEach, describe, expect, it, vi } from 'vitest';
import { TrafficLog } from '../src/inspector/traffic-log.js';

afterEach(() => vi.useRealTimers());

describe('TrafficLog', () => {
  it('orders a REST call reported late by SSE before what the shell saw after it started', () => {
    vi.useFakeTimers({ now: 10_000 });
    const log = new TrafficLog();
    log.add({ kind: 'frame-in', label: 'refreshAuth', source: 'f', payload: null });
    vi.setSystemTime(10_050);
    // The 401 that made the app ask for a new token started before it, and arrived after it.
    log.add({
      kind: 'rest',
      at: 9_990,
      label: 'user.current → 401',
      source: 'auth: application',
      payload: {},
    });
    vi.setSystemTime(10_100);
    log.add({
      kind: 'rest',
      at: 10_060,
      label: 'user.current → 200',
      source: 'auth: application',
      payload: {},
    });
    expect(log.entries().map((entry) => entry.label)).toEqual([
      'user.current → 401',
      'refreshAuth',
      'user.current → 200',
    ]);
  });

  it('never dates an entry in the future', () => {
    vi.useFakeTimers({ now: 5_000 });
    const log = new TrafficLog();
    expect(log.add({ kind: 'rest', at: 9_000, label: 'x', source: 's', payload: null }).at).toBe(5_000);
  });
});
