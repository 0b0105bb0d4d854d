// @vitest-environment happy-dom
/**
 * The host-model tables against the consumers inside @imkit/frame: the browser client sends only
 * commands of the frame command table, and waits for a reply exactly for those the host answers; the
 * legacy launch query is signed, verified and parsed by the one table (keys, order, proof, value rules).
 * The emulator's side of the same tables is checked in packages/emulator/test/host-model-consumers.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ChatAppLaunch } from '../src/chat-app-launch.js';
import {
  type ChatAppQueryKey,
  chatAppLaunchQuery,
  chatAppQueryKeys,
  proofKeys,
} from '../src/host-model/chat-app-query.js';
import { frameCommands, isFrameCommand } from '../src/host-model/frame-commands.js';
import type { initDataFields } from '../src/host-model/init-data.js';
import { connect, type Frame } from '../src/index.js';
import { parseChatAppLaunch } from '../src/legacy/index.js';
import { decodeCommand, encodeReply, type FrameCommand } from '../src/protocol.js';
import { type ChatAppLaunchInput, signChatAppLaunch, verifyChatAppLaunch } from '../src/verify/index.js';

const origin = 'https://portal.example.com';
const appSid = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A placement frame whose parent records every command and answers only when told. */
function fakeHost() {
  const target = new EventTarget();
  const sent: FrameCommand[] = [];
  const parent = {
    postMessage(message: unknown) {
      const command = decodeCommand(message);
      if (command) sent.push(command);
    },
  };
  const win = Object.assign(target, { name: `portal.example.com|1|${appSid}`, parent, document });
  const reply = (callback: string, result?: unknown) =>
    target.dispatchEvent(
      new MessageEvent('message', { data: encodeReply(callback, result), origin, source: parent as Window }),
    );
  return { win: win as unknown as Window, sent, reply };
}

/** A getInitData reply with every field of the table. */
const initData = {
  LANG: 'en',
  DOMAIN: 'portal.example.com',
  PROTOCOL: 1,
  PATH: '/rest',
  AUTH_ID: 'token-1',
  AUTH_EXPIRES: '3600',
  REFRESH_ID: 'refresh-1',
  MEMBER_ID: 'member-1',
  FIRST_RUN: true,
  IS_ADMIN: true,
  INSTALL: true,
  USER_OPTIONS: {},
  APP_OPTIONS: {},
  PLACEMENT: 'IM_SIDEBAR',
  PLACEMENT_OPTIONS: { dialogId: 'chat12' },
} satisfies Record<keyof typeof initDataFields, unknown>;

describe('the frame command table and the browser client', () => {
  it('every command the client posts is in the table; it waits for a reply exactly where the host answers', async () => {
    const host = fakeHost();
    const connecting = connect({ window: host.win, timeout: 1000 });
    expect(host.sent.map((c) => c.method)).toEqual(['getInitData']);
    host.reply(host.sent[0]!.callback, initData);
    const frame = await connecting;
    const actions: Array<(f: Frame) => unknown> = [
      (f) => f.resize(300, 200),
      (f) => f.textarea.get(),
      (f) => f.textarea.insert('x'),
      (f) => f.openMessenger('chat12'),
      (f) => f.openHistory('chat12'),
      (f) => f.callTo(2, true),
      (f) => f.phoneTo('+100'),
      (f) => f.closeApplication(),
      (f) => f.userOptions.set('a', 'b'),
      (f) => f.appOptions.set('a', 'b'),
      (f) => f.selectUser(),
      (f) => f.installFinish(),
      (f) => f.refreshAuth(),
    ];
    for (const action of actions) {
      const before = host.sent.length;
      let settled = false;
      const result = Promise.resolve(action(frame)).finally(() => {
        settled = true;
      });
      await tick();
      const command = host.sent[before];
      expect(host.sent.length - before).toBe(1);
      expect(command && isFrameCommand(command.method), command?.method).toBe(true);
      const method = command!.method as keyof typeof frameCommands;
      const answered = frameCommands[method].answeredBy !== 'none';
      expect(settled, `${method} settled before any reply`).toBe(!answered);
      if (answered) {
        const replies: Record<string, unknown> = {
          resizeWindow: { width: 300, height: 200 },
          selectUser: { id: '3', name: 'Ann' },
          refreshAuth: { AUTH_ID: 'token-2', AUTH_EXPIRES: '3600', REFRESH_ID: 'refresh-2' },
        };
        host.reply(command!.callback, replies[method] ?? { text: '' });
      }
      await result;
    }
    const bound = host.sent.length;
    frame.bindEvent('onX', () => {});
    expect(host.sent[bound]?.method).toBe('placementBindEvent');
    expect(frameCommands.placementBindEvent.answeredBy).not.toBe('none');
    frame.dispose();
  });
});

/** A full launch input: every field of the table has a value that survives the round trip. */
const input = {
  botId: 39,
  botCode: 'bot39',
  appId: 7,
  appCode: 'echo',
  domain: 'https://portal.example.com',
  userId: 5,
  dialogId: 'chat12',
  dialogContext: 'CHAT',
  dialogEntityId: 'e1',
  dialogEntityData1: 'd1',
  lang: 'en',
  isChrome: false,
  context: 'button',
  darkMode: true,
  messageId: 101,
  buttonParams: 'a=1&b=2',
} as const satisfies ChatAppLaunchInput;
const secret = '0123456789abcdef0123456789abcdef';

describe('the legacy launch query table: signer, verifier and parser', () => {
  const url = signChatAppLaunch('https://apps.example.com/chat/', input, secret);
  const query = new URL(url).searchParams;

  it('the signer writes every key of the table, in the table’s order, with each field’s value', () => {
    expect([...query.keys()]).toEqual(chatAppQueryKeys);
    for (const key of chatAppQueryKeys) {
      const spec = chatAppLaunchQuery[key];
      if (spec.field === null) {
        expect(query.get(key), key).toMatch(/^[0-9a-f]{32}$/);
        continue;
      }
      const value = input[spec.field];
      expect(query.get(key), key).toBe(spec.value === 'flag' ? (value ? 'Y' : 'N') : String(value));
    }
  });

  it('leaves out the button-only keys for a launch from the input, and writes the absent flags', () => {
    const { messageId: _m, buttonParams: _b, isChrome: _c, darkMode: _d, ...fromInput } = input;
    const plain = new URL(
      signChatAppLaunch('https://apps.example.com/chat/', { ...fromInput, context: 'textarea' }, secret),
    ).searchParams;
    expect([...plain.keys()]).toEqual(
      chatAppQueryKeys.filter((key) => chatAppLaunchQuery[key].sent === 'always'),
    );
    expect(plain.get('IS_CHROME')).toBe(chatAppLaunchQuery.IS_CHROME.absent);
    expect(plain.get('DARK_MODE')).toBe(chatAppLaunchQuery.DARK_MODE.absent);
  });

  it('the verifier and the parser read every field of the table back to the signed input', () => {
    const verified = verifyChatAppLaunch(url, { secret });
    expect(verified.ok).toBe(true);
    const parsed = parseChatAppLaunch(new URL(url).search);
    const expected: ChatAppLaunch = { ...input };
    expect(parsed).toEqual(expected);
    if (verified.ok) {
      const { domain, userId, unverified } = verified.launch;
      expect({ domain, userId, ...unverified }).toEqual(expected);
    }
  });

  it('only the table’s signed keys and signatures are proven: changing one fails, any other passes', () => {
    const changed: Record<ChatAppQueryKey, string> = {
      BOT_ID: '40',
      BOT_CODE: 'x',
      APP_ID: '8',
      APP_CODE: 'x',
      DOMAIN: 'https://other.example.com',
      DOMAIN_HASH: 'f'.repeat(32),
      USER_ID: '6',
      USER_HASH: 'f'.repeat(32),
      DIALOG_ID: 'chat13',
      DIALOG_CONTEXT: 'USER',
      DIALOG_ENTITY_ID: 'x',
      DIALOG_ENTITY_DATA_1: 'x',
      LANG: 'de',
      IS_CHROME: 'Y',
      CONTEXT: 'textarea',
      DARK_MODE: 'N',
      MESSAGE_ID: '102',
      BUTTON_PARAMS: 'x',
    };
    for (const key of chatAppQueryKeys) {
      const tampered = new URLSearchParams(query);
      tampered.set(key, changed[key]);
      const ok = verifyChatAppLaunch(tampered, { secret }).ok;
      expect(ok, key).toBe(!(proofKeys as readonly string[]).includes(key));
    }
    for (const key of proofKeys) {
      const missing = new URLSearchParams(query);
      missing.delete(key);
      expect(verifyChatAppLaunch(missing, { secret }), key).toMatchObject({
        reason: 'MISSING_FIELD',
        field: key,
      });
    }
  });
});
