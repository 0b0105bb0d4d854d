/**
 * The host-model tables (`@imkit/frame/protocol`) against the emulator that consumes them: every frame
 * command is routed by the shell and handled by the shell or the portal API, and nothing else is; the
 * launch form posts exactly the table's fields; `getInitData` answers exactly the table's fields; the
 * legacy launch is signed with exactly the table's keys. A table line without its consumer fails here.
 */
import { placementCatalog, placementCodes } from '@imkit/frame/placements';
import {
  chatAppQueryKeys,
  frameCommandNames,
  frameCommands,
  initDataFields,
  launchFormFields,
  launchQueryFields,
} from '@imkit/frame/protocol';
import { verifyChatAppLaunch } from '@imkit/frame/verify';
import { describe, expect, it, vi } from 'vitest';
import { portalCommands, routeCommand, shellCommands } from '../shell/src/host/command-policy.js';
import { FrameHost, type HostUi } from '../shell/src/host/frame-host.js';
import { FrameRegistry } from '../shell/src/host/opened-frame.js';
import type { TrafficInput } from '../shell/src/inspector/traffic-log.js';
import { fakeWindow, openedFrame } from '../shell/test/frame-doubles.js';
import { portalCommandHandlers } from '../src/frame-host/frame-commands.js';
import { harness } from './emulator-harness.js';

const sid = 'a'.repeat(32);

describe('the frame command table and its consumers', () => {
  it('the shell routes every command of the table, and only those', () => {
    expect([...portalCommands, ...shellCommands].sort()).toEqual([...frameCommandNames].sort());
    for (const method of frameCommandNames) {
      const expected =
        frameCommands[method].answeredBy === 'host' ? { route: 'portal' } : { route: 'shell', method };
      expect(routeCommand(method, 'DEFAULT'), method).toEqual(expected);
    }
    for (const method of ['getinitdata', 'setTitle ', 'im:other', 'toString', '__proto__'])
      expect(routeCommand(method, 'IM_SIDEBAR').route, method).toBe('unknown');
  });

  it('the shell refuses a command exactly where the table says', () => {
    for (const placement of placementCodes) {
      for (const method of frameCommandNames) {
        const { refusedIn, answeredBy } = frameCommands[method];
        const refused =
          refusedIn === 'im' || (refusedIn === 'slider' && placementCatalog[placement].opensIn === 'slider');
        const route = routeCommand(method, placement).route;
        expect(route, `${method} in ${placement}`).toBe(
          refused ? 'refused' : answeredBy === 'host' ? 'portal' : 'shell',
        );
      }
      // The catalogue's canResize (which the client's canResizeIn is tested against) agrees with the table.
      const resizable = routeCommand('resizeWindow', placement).route !== 'refused';
      expect(placementCatalog[placement].canResize, placement).toBe(resizable);
    }
  });

  it('the portal API has one handler per command the host answers, and no other', () => {
    expect(Object.keys(portalCommandHandlers).sort()).toEqual(
      frameCommandNames.filter((name) => frameCommands[name].answeredBy === 'host').sort(),
    );
  });

  it('the portal API stays silent for every command the host does not answer from state', async () => {
    const { api } = await launchedSidebar();
    const launch = (await api('launch', { bindingId: 1, dialogId: 'chat12' })).body as { appSid: string };
    for (const method of [...shellCommands, 'unknownCommand']) {
      const answer = await api('frame', { appSid: launch.appSid, method, params: {} });
      expect(answer.body, method).toEqual({ silent: true });
    }
  });

  it('the shell handles every shell command and never answers the ones the host never answers', async () => {
    for (const method of shellCommands) {
      const window = fakeWindow();
      const registry = new FrameRegistry();
      registry.add(openedFrame({ window, placement: 'DEFAULT', surface: 'content' }));
      const log: TrafficInput[] = [];
      const ui: HostUi = {
        portalCommand: vi.fn(async () => ({ silent: true as const })),
        resize: () => ({ width: 300, height: 200 }),
        openDialog: vi.fn(),
        notify: vi.fn(),
        closeFrame: vi.fn(),
        openPath: () => true,
        pickUsers: async () => [{ id: '3', name: 'Ann', photo: '' }],
        textarea: () => ({ dialogId: 'chat1', input: { read: () => '', write: () => {} } }),
        devAids: () => ({ placementEvents: false, docsLaunchFields: false }),
      };
      const host = new FrameHost(registry, ui, (entry) => log.push(entry));
      const params = method === 'placementBindEvent' ? { event: 'onX' } : { dialogId: 'chat1' };
      host.receive({
        source: window,
        origin: 'http://127.0.0.1:5173',
        data: method.includes(':')
          ? { method, params, callback: 'cb', appSid: sid }
          : `${method}:${JSON.stringify(params)}:cb:${sid}`,
      });
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(ui.portalCommand, method).not.toHaveBeenCalled();
      expect(log.map((entry) => entry.note ?? '').join(' '), method).not.toContain('unknown command');
      if (frameCommands[method].answeredBy === 'none') expect(window.posted, method).toEqual([]);
    }
  });
});

async function launchedSidebar() {
  const h = harness();
  const auth = (await h.token(1)).access_token;
  await h.rest(
    'placement.bind',
    {
      PLACEMENT: 'IM_SIDEBAR',
      HANDLER: 'http://127.0.0.1:5173/im-sidebar/?x=1',
      TITLE: 'Sidebar',
      OPTIONS: { iconName: 'fa-bolt' },
    },
    auth,
  );
  await h.rest(
    'placement.bind',
    {
      PLACEMENT: 'IM_NAVIGATION',
      HANDLER: 'http://127.0.0.1:5173/im-navigation/',
      TITLE: 'Navigation',
      OPTIONS: { iconName: 'fa-home' },
    },
    auth,
  );
  return { ...h, auth };
}

interface Launch {
  readonly action: string;
  readonly fields: Record<string, string>;
  readonly appSid: string;
}

describe('the launch form table and the emulator', () => {
  const bodyFields = (sent: readonly string[]) =>
    Object.entries(launchFormFields)
      .filter(([, spec]) => spec.in === 'body' && sent.includes(spec.sent))
      .map(([name]) => name);

  it('posts exactly the table’s query fields, in order, after the handler’s own query', async () => {
    const { api } = await launchedSidebar();
    const launch = (await api('launch', { bindingId: 1, dialogId: 'chat12' })).body as unknown as Launch;
    const query = [...new URL(launch.action).searchParams.keys()];
    expect(query).toEqual(['x', ...launchQueryFields]);
  });

  it('posts every `always` body field, PLACEMENT_OPTIONS only when non-empty, nothing outside the table', async () => {
    const { api } = await launchedSidebar();
    const sidebar = (await api('launch', { bindingId: 1, dialogId: 'chat12' })).body as unknown as Launch;
    expect(Object.keys(sidebar.fields).sort()).toEqual(bodyFields(['always', 'nonEmpty']).sort());
    const navigation = (await api('launch', { bindingId: 2 })).body as unknown as Launch;
    expect(Object.keys(navigation.fields).sort()).toEqual(bodyFields(['always']).sort());
  });

  it('answers getInitData with exactly the table’s fields, typed as the table says', async () => {
    const { api } = await launchedSidebar();
    for (const [bindingId, dialogId] of [
      [1, 'chat12'],
      [2, undefined],
    ] as const) {
      const launch = (await api('launch', { bindingId, dialogId })).body as unknown as Launch;
      const reply = (await api('frame', { appSid: launch.appSid, method: 'getInitData' })).body
        .reply as Record<string, unknown>;
      expect(Object.keys(reply).sort()).toEqual(Object.keys(initDataFields).sort());
      for (const [field, kind] of Object.entries(initDataFields)) {
        const value = reply[field];
        const ok = {
          string: typeof value === 'string',
          protocol: value === 0 || value === 1,
          boolean: typeof value === 'boolean',
          object: typeof value === 'object' && value !== null,
          placement: typeof value === 'string' && value === value.toUpperCase(),
          objectOrEmpty: value === '' || (typeof value === 'object' && value !== null),
        }[kind];
        expect(ok, `${field} is ${kind}: ${JSON.stringify(value)}`).toBe(true);
      }
    }
  });
});

describe('the legacy launch query table and the emulator’s signer', () => {
  it('signs a launch with the table’s keys in order, and the verifier accepts it', async () => {
    const { api, rest, auth } = await launchedSidebar();
    await rest(
      'imbot.app.register',
      {
        BOT_ID: 5,
        CODE: 'echo',
        IFRAME: 'http://127.0.0.1:5173/legacy-chat-app/?mode=1',
        HASH: 'secret-hash',
        LANG: [{ LANGUAGE_ID: 'en', TITLE: 'Echo' }],
      },
      auth,
    );
    const buttonOnly = ['MESSAGE_ID', 'BUTTON_PARAMS'];
    for (const [extra, keys] of [
      [{ context: 'textarea' }, chatAppQueryKeys.filter((key) => !buttonOnly.includes(key))],
      [{ context: 'button', messageId: 101, buttonParams: 'x=1' }, chatAppQueryKeys],
    ] as const) {
      const r = await api('legacy-launch', { appId: 1, dialogId: 'chat12', ...extra });
      expect(r.status).toBe(200);
      const url = new URL(r.body.url as string);
      expect([...url.searchParams.keys()]).toEqual(['mode', ...keys]);
      const verified = verifyChatAppLaunch(url.search, { secret: 'secret-hash' });
      expect(verified.ok && verified.launch.unverified).toMatchObject({ dialogId: 'chat12', ...extra });
    }
  });
});
