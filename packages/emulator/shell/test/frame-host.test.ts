import { describe, expect, it, vi } from 'vitest';
import type { DevAids } from '../../src/private-api/contract.js';
import { FrameHost, type HostUi } from '../src/host/frame-host.js';
import { FrameRegistry, type OpenedFrame } from '../src/host/opened-frame.js';
import type { TrafficInput } from '../src/inspector/traffic-log.js';
import { type FakeWindow, fakeWindow, openedFrame } from './frame-doubles.js';

const sid = 'a'.repeat(32);
const origin = 'http://127.0.0.1:5173';

function setup(
  frameOverrides: Partial<OpenedFrame> = {},
  devAids: DevAids = { placementEvents: true, docsLaunchFields: false },
) {
  const window = fakeWindow();
  const registry = new FrameRegistry();
  registry.add(openedFrame({ window, ...frameOverrides }));
  const log: TrafficInput[] = [];
  let text = 'draft';
  const ui: HostUi = {
    portalCommand: vi.fn(async (_sid: string, method: string) =>
      method === 'setInstall' ? { silent: true as const } : { silent: false as const, reply: { method } },
    ),
    resize: vi.fn((_frame, width, height) => ({ width: width ?? 300, height: Math.min(height ?? 100, 520) })),
    openDialog: vi.fn(),
    notify: vi.fn(),
    closeFrame: vi.fn(),
    openPath: (path) => path.includes('IM_DIALOG='),
    pickUsers: vi.fn(async () => [{ id: '3', name: 'Ann', photo: '' }]),
    textarea: () => ({ dialogId: 'chat1', input: { read: () => text, write: (next) => (text = next) } }),
    devAids: () => devAids,
  };
  const host = new FrameHost(registry, ui, (entry) => log.push(entry));
  const send = async (data: unknown, from: FakeWindow = window, fromOrigin = origin) => {
    host.receive({ source: from, origin: fromOrigin, data });
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { window, host, ui, log, send, text: () => text };
}

describe('FrameHost', () => {
  it('answers portal commands with the reply from the emulator API, to the handler origin', async () => {
    const { window, send, ui } = setup();
    await send(`getInitData:cb1:${sid}`);
    expect(ui.portalCommand).toHaveBeenCalledWith(sid, 'getInitData', {});
    expect(window.posted).toEqual([{ data: 'cb1:{"method":"getInitData"}', origin }]);
  });

  it('stays silent when the portal says silent', async () => {
    const { window, send } = setup();
    await send(`setInstall:{"install":true}:cb2:${sid}`);
    expect(window.posted).toEqual([]);
  });

  it('answers getInterface with empty lists and resizeWindow with the measured size', async () => {
    const { window, send } = setup({ placement: 'IM_TEXTAREA', surface: 'popup' });
    await send(`getInterface:cb3:${sid}`);
    await send(`resizeWindow:{"width":400,"height":900}:cb4:${sid}`);
    expect(window.posted.map((p) => p.data)).toEqual([
      'cb3:{"command":[],"event":[]}',
      'cb4:{"width":400,"height":520}',
    ]);
  });

  it('refuses resizeWindow in IM_CONTEXT_MENU and setTitle in IM placements, with a warning', async () => {
    const { window, send, log, ui } = setup({ placement: 'IM_CONTEXT_MENU', surface: 'slider' });
    await send(`resizeWindow:{"width":400,"height":300}:cb5:${sid}`);
    await send(`setTitle:{"title":"x"}:cb6:${sid}`);
    await send(`whatever:cb7:${sid}`);
    expect(window.posted).toEqual([]);
    expect(ui.resize).not.toHaveBeenCalled();
    expect(log.filter((e) => e.note?.startsWith('⚠'))).toHaveLength(3);
  });

  it('never answers the fire-and-forget commands, but acts on them', async () => {
    const { window, send, ui } = setup();
    await send(`imOpenMessenger:{"dialogId":"chat7"}:cb8:${sid}`);
    await send(`imCallTo:{"userId":3,"video":true}:cb9:${sid}`);
    await send(`closeApplication:cb10:${sid}`);
    expect(window.posted).toEqual([]);
    expect(ui.openDialog).toHaveBeenCalledWith('chat7');
    expect(ui.notify).toHaveBeenCalledWith(expect.stringContaining('call to user 3'));
    expect(ui.closeFrame).toHaveBeenCalled();
  });

  it('answers openPath with close or PATH_NOT_AVAILABLE', async () => {
    const { window, send } = setup();
    await send(`openPath:{"path":"/online/?IM_DIALOG=chat1"}:c1:${sid}`);
    await send(`openPath:{"path":"/crm/"}:c2:${sid}`);
    expect(window.posted.map((p) => p.data)).toEqual([
      'c1:{"result":"close"}',
      'c2:{"result":"error","errorCode":"PATH_NOT_AVAILABLE"}',
    ]);
  });

  it('flags what the emulator does not do as a difference from a portal, without a reply', async () => {
    for (const method of ['selectAccess', 'selectCRM', 'openApplication']) {
      const { window, send, log } = setup();
      await send(`${method}:{}:cb1:${sid}`);
      expect(window.posted, method).toEqual([]);
      expect(log.at(-1)?.note, method).toContain('⚑ differs from a portal');
    }
  });

  // HOST-PROTOCOL.md §4: IM placements report no events (getInterface → event: []).
  it('never answers placementBindEvent unless the development aid is on', async () => {
    const { window, send, host, log } = setup({}, { placementEvents: false, docsLaunchFields: false });
    await send(`placementBindEvent:{"event":"message"}:ev1:${sid}`);
    expect(host.emit('message', { messageId: '1' })).toBe(0);
    expect(window.posted).toEqual([]);
    expect(log.at(-1)?.note).toMatch(/no reply: a portal's IM placements report no events/);
  });

  it('answers a placementBindEvent callback again on every event with the aid on', async () => {
    const { window, send, host } = setup();
    await send(`placementBindEvent:{"event":"message"}:ev1:${sid}`);
    expect(window.posted).toEqual([]);
    expect(host.emit('message', { messageId: '1' })).toBe(1);
    expect(host.emit('message', { messageId: '2' })).toBe(1);
    expect(host.emit('other', {})).toBe(0);
    expect(window.posted.map((p) => p.data)).toEqual(['ev1:{"messageId":"1"}', 'ev1:{"messageId":"2"}']);
    host.forget('f1');
    expect(host.emit('message', {})).toBe(0);
  });

  it('answers selectUser with one user, or an array when mult', async () => {
    const { window, send } = setup();
    await send(`selectUser:{"mult":false}:s1:${sid}`);
    await send(`selectUser:{"mult":true}:s2:${sid}`);
    expect(window.posted.map((p) => p.data)).toEqual([
      's1:{"id":"3","name":"Ann","photo":""}',
      's2:[{"id":"3","name":"Ann","photo":""}]',
    ]);
  });

  it('reads and writes the chat input for the im: textarea commands (official SDK object form)', async () => {
    const { window, send, text } = setup({ placement: 'IM_TEXTAREA', surface: 'popup' });
    await send({
      method: 'im:getImTextareaContent',
      params: '',
      callback: 't1',
      appSid: sid,
      requestId: 'q1',
    });
    await send({
      method: 'im:setImTextareaContent',
      params: { text: 'more', withNewLine: true },
      callback: 't2',
      appSid: sid,
      requestId: 'q2',
    });
    expect(window.posted.map((p) => p.data)).toEqual([
      't1:{"text":"draft","requestId":"q1"}',
      't2:{"text":"draft\\nmore","requestId":"q2"}',
    ]);
    expect(text()).toBe('draft\nmore');
  });

  it('ignores and logs messages from other windows or origins', async () => {
    const { window, send, log, ui } = setup();
    await send(`getInitData:cb:${sid}`, fakeWindow());
    await send(`getInitData:cb:${sid}`, window, 'http://foreign.example');
    expect(ui.portalCommand).not.toHaveBeenCalled();
    expect(window.posted).toEqual([]);
    expect(log.map((e) => e.kind)).toEqual(['frame-rejected', 'frame-rejected']);
  });
});
