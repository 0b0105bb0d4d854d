/** The shell shows exactly the bindings and legacy apps `GET state` lists for the open chat. */
import { describe, expect, it } from 'vitest';
import type { StateView } from '../../src/private-api/contract.js';
import { harness } from '../../test/emulator-harness.js';
import { chatOf, shownBindings, shownLegacyApps } from '../src/portal/shown-apps.js';

async function stateWithApps(): Promise<StateView> {
  const { api, rest, token } = harness();
  const auth = (await token(1)).access_token;
  const bind = (PLACEMENT: string, OPTIONS: Record<string, string> = {}) =>
    rest(
      'placement.bind',
      {
        PLACEMENT,
        HANDLER: 'http://127.0.0.1:5173/app/',
        TITLE: PLACEMENT,
        OPTIONS: { iconName: 'fa-cube', ...OPTIONS },
      },
      auth,
    );
  await bind('IM_SIDEBAR', { context: 'CHAT;LINES' });
  await bind('IM_TEXTAREA');
  await bind('IM_NAVIGATION');
  await rest(
    'imbot.app.register',
    {
      BOT_ID: 5,
      CODE: 'legacy',
      IFRAME: 'http://127.0.0.1:5173/legacy/',
      HASH: 'h',
      CONTEXT: 'USER',
      LANG: [{ LANGUAGE_ID: 'en', TITLE: 'Legacy' }],
    },
    auth,
  );
  return (await api('state')).body as unknown as StateView;
}

describe('shown apps', () => {
  it('picks the bindings and legacy apps the server lists for the chat', async () => {
    const state = await stateWithApps();
    const ids = (list: readonly { id: number }[]) => list.map((item) => item.id);
    expect(ids(shownBindings(state, 'IM_SIDEBAR', 'chat12'))).toEqual([1]);
    expect(ids(shownBindings(state, 'IM_SIDEBAR', '2'))).toEqual([]);
    expect(ids(shownBindings(state, 'IM_TEXTAREA', '2'))).toEqual([2]);
    expect(ids(shownBindings(state, 'IM_NAVIGATION', null))).toEqual([3]);
    expect(ids(shownBindings(state, 'IM_NAVIGATION', 'chat12'))).toEqual([]);
    expect(ids(shownLegacyApps(state, '2'))).toEqual([1]);
    expect(ids(shownLegacyApps(state, 'chat12'))).toEqual([]);
  });

  it('shows nothing in a dialog the recent list does not have yet', async () => {
    const state = await stateWithApps();
    expect(chatOf(state, '6')).toBeUndefined();
    expect(shownBindings(state, 'IM_TEXTAREA', '6')).toEqual([]);
    expect(shownLegacyApps(state, '6')).toEqual([]);
  });
});
