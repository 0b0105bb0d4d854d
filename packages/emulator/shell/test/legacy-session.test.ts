import { describe, expect, it } from 'vitest';
import type { TrafficInput } from '../src/inspector/traffic-log.js';
import type { LegacyAction } from '../src/legacy/legacy-host.js';
import { LegacySession } from '../src/legacy/legacy-session.js';
import { fakeIframe, fakeWindow } from './frame-doubles.js';

const appOrigin = 'http://127.0.0.1:5180';
const portalOrigin = 'http://127.0.0.1:3000';

function setup() {
  const window = fakeWindow();
  const log: TrafficInput[] = [];
  const actions: LegacyAction[] = [];
  const session = new LegacySession(
    (entry) => log.push(entry),
    (action) => actions.push(action),
  );
  const load = () =>
    session.loaded(
      { id: 1, title: 'Echo' },
      `${appOrigin}/legacy/?BOT_ID=5&`,
      portalOrigin,
      fakeIframe(window)(),
    );
  const lastId = () => {
    const last = window.posted[window.posted.length - 1];
    return (JSON.parse(String(last?.data)) as { uniqueLoadId: string }).uniqueLoadId;
  };
  return { window, log, actions, session, load, lastId };
}

describe('LegacySession', () => {
  it('posts the init string to the app origin on every load, with a new id', () => {
    const { window, load, lastId } = setup();
    load();
    const first = lastId();
    load();
    expect(window.posted).toHaveLength(2);
    expect(window.posted[0]?.origin).toBe(appOrigin);
    expect(JSON.parse(String(window.posted[0]?.data))).toEqual({
      action: 'init',
      domain: portalOrigin,
      uniqueLoadId: first,
    });
    expect(lastId()).not.toBe(first);
  });

  it('acts on messages with the current id and rejects the previous load id', () => {
    const { window, load, lastId, session, actions, log } = setup();
    load();
    const stale = lastId();
    load();
    const current = lastId();
    const post = (uniqueLoadId: string) =>
      session.receive({
        source: window,
        origin: appOrigin,
        data: JSON.stringify({ action: 'put', message: 'x', uniqueLoadId }),
      });
    expect(post(current)).toBe(true);
    expect(post(stale)).toBe(true);
    expect(actions).toEqual([{ action: 'put', message: 'x' }]);
    expect(log.map((e) => e.kind)).toEqual(['legacy-out', 'legacy-out', 'legacy-in', 'legacy-rejected']);
    expect(window.posted).toHaveLength(2);
  });

  it('leaves messages from other windows to the placement host, and forgets the frame when closed', () => {
    const { window, load, lastId, session, actions } = setup();
    load();
    const data = JSON.stringify({ action: 'close', uniqueLoadId: lastId() });
    expect(session.receive({ source: fakeWindow(), origin: appOrigin, data })).toBe(false);
    session.forget();
    expect(session.receive({ source: window, origin: appOrigin, data })).toBe(false);
    expect(actions).toEqual([]);
  });
});
