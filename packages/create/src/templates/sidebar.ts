/**
 * IM_SIDEBAR: the app opens in the chat sidebar for the open chat (PLACEMENT_OPTIONS.dialogId); it shows
 * the chat's title and member count (`im.dialog.get`) and posts a hello message (`im.message.add`).
 */
import type { AppSpec } from '../app-spec.js';
import { chatInfoFile, openDialogFile } from './dialog-files.js';
import { e2eDialogId } from './e2e-dialog.js';
import type { Flavor } from './flavor.js';
import { tsString } from './source-text.js';

const store = `/**
 * The app's state and actions (zustand). IM_SIDEBAR is opened for one chat: the app reads it
 * (\`im.dialog.get\` with PLACEMENT_OPTIONS.dialogId) and posts a hello message to it (\`im.message.add\`).
 */
import { idle, type Remote, track } from '@imkit/app-kit';
import type { Frame } from '@imkit/frame';
import { create } from 'zustand';
import { type ChatInfo, readChatInfo } from './chat-info.js';
import { openDialogId } from './open-dialog.js';
import { texts } from './texts.js';

export interface AppState {
  readonly chat: Remote<ChatInfo>;
  /** The id of the message last posted. */
  readonly sent: Remote<number>;
  load(): Promise<void>;
  sayHello(): Promise<void>;
}

export type AppFrame = Pick<Frame, 'rest'> & {
  readonly context: { readonly lang: string; readonly options: { readonly dialogId: string } };
};

export function createAppStore(frame: AppFrame) {
  const t = texts(frame.context.lang);
  return create<AppState>()((set, get) => ({
    chat: idle,
    sent: idle,

    async load() {
      await track(
        async () => {
          const dialogId = openDialogId(frame.context.options);
          return readChatInfo(await frame.rest.call('im.dialog.get', { DIALOG_ID: dialogId }));
        },
        (chat) => set({ chat }),
      );
    },

    async sayHello() {
      if (get().sent.status === 'loading') return;
      await track(
        async () => {
          const dialogId = openDialogId(frame.context.options);
          const message = t('hello', { app: t('title') });
          return Number(await frame.rest.call('im.message.add', { DIALOG_ID: dialogId, MESSAGE: message }));
        },
        (sent) => set({ sent }),
      );
    },
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
`;

const app = `/** The app root: one store per launched frame, the chat loaded on start. */
import { ErrorNotice, Loading } from '@imkit/app-kit';
import { useEffect, useState } from 'preact/hooks';
import { type AppFrame, createAppStore } from '../store.js';
import { texts } from '../texts.js';

export function App({ frame }: { frame: AppFrame }) {
  const [store] = useState(() => createAppStore(frame));
  const { chat, sent, load, sayHello } = store();
  useEffect(() => {
    void store.getState().load();
  }, [store]);
  const lang = frame.context.lang;
  const t = texts(lang);
  return (
    <main>
      <h1>{t('title')}</h1>
      {chat.status === 'error' && <ErrorNotice error={chat.error} lang={lang} onRetry={load} />}
      {(chat.status === 'idle' || chat.status === 'loading') && <Loading lang={lang} />}
      {chat.status === 'ready' && (
        <>
          <h2>{chat.data.title}</h2>
          <p>{t('members', { count: chat.data.memberCount })}</p>
          <button onClick={sayHello} disabled={sent.status === 'loading'}>
            {t('sayHello')}
          </button>
        </>
      )}
      {sent.status === 'ready' && <p role="status">{t('sent', { id: sent.data })}</p>}
      {sent.status === 'error' && <ErrorNotice error={sent.error} lang={lang} />}
    </main>
  );
}
`;

function texts(spec: AppSpec): string {
  return `/** The app's interface texts; add a language next to \`en\` (the host's language is \`context.lang\`). */
import { createI18n } from '@imkit/app-kit';

const en = {
  title: ${tsString(spec.title)},
  members: '{count} members',
  sayHello: 'Say hello',
  hello: 'Hello from {app}!',
  sent: 'Sent, message #{id}.',
} as const;

export const texts = createI18n<keyof typeof en>({ en });
`;
}

function unitTest(spec: AppSpec): string {
  return `import { createFakeFrame, type RestHandler } from '@imkit/app-kit/testing';
import { RestError } from '@imkit/frame';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../src/components/App.js';
import { createAppStore } from '../src/store.js';

afterEach(cleanup);

const title = ${tsString(spec.title)};

function fakeFrame(rest: Record<string, RestHandler> = {}, dialogId = 'chat12') {
  return createFakeFrame({
    placement: 'IM_SIDEBAR',
    options: { dialogId },
    rest: { 'im.dialog.get': () => ({ name: 'Product launch', user_counter: 4 }), ...rest },
  });
}

describe('app', () => {
  it('shows the open chat and posts a hello message to it', async () => {
    const frame = fakeFrame({ 'im.message.add': () => 901 });
    render(<App frame={frame} />);
    await screen.findByRole('heading', { name: 'Product launch' });
    expect(screen.getByText('4 members')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Say hello' }));
    await screen.findByText('Sent, message #901.');
    expect(frame.calls).toContainEqual({
      command: 'rest:im.message.add',
      args: [{ DIALOG_ID: 'chat12', MESSAGE: \`Hello from \${title}!\` }],
    });
  });

  it('shows a REST failure with its code', async () => {
    const denied = () => {
      throw new RestError({ code: 'ACCESS_ERROR', description: 'No access', status: 403, method: 'x' });
    };
    render(<App frame={fakeFrame({ 'im.dialog.get': denied })} />);
    expect((await screen.findByRole('alert')).textContent).toContain('ACCESS_ERROR');
  });

  it('refuses a dialogId that is not a chat without calling REST', async () => {
    const frame = fakeFrame({}, 'chat0');
    const store = createAppStore(frame);
    await store.getState().load();
    expect(store.getState().chat).toMatchObject({ status: 'error', error: { code: 'DIALOG_ID_EMPTY' } });
    expect(frame.calls).toEqual([]);
  });
});
`;
}

function e2e(spec: AppSpec, dialogId: string): string {
  return `/**
 * ${spec.name} in the emulator: opened in the sidebar of a chat, it shows the chat and posts a hello
 * message to it. The fixture serves built apps only: run \`pnpm --filter @imkit/app-${spec.name} build\` first.
 */
import { expect, test } from '@imkit/emulator/fixture';

const title = ${tsString(spec.title)};
const dialogId = '${dialogId}';

test('shows the open chat and posts a hello message to it', async ({ shell, portal }) => {
  const chat = await portal.rest<{ name: string }>('im.dialog.get', { DIALOG_ID: dialogId });
  await shell.openChat(dialogId);
  const app = await shell.openPlacement('IM_SIDEBAR', title);
  await expect(app.getByRole('heading', { name: chat.name })).toBeVisible();
  await app.getByRole('button', { name: 'Say hello' }).click();
  await expect(app.getByRole('status')).toContainText('Sent, message #');
  const hello = shell.page.getByTestId('message').filter({ hasText: \`Hello from \${title}!\` });
  await expect(hello).toBeVisible();
});
`;
}

export const sidebarFlavor: Flavor = {
  does: 'shows the open chat (`im.dialog.get`) and posts a hello message to it (`im.message.add`)',
  files: (spec) => ({
    'src/open-dialog.ts': openDialogFile,
    'src/chat-info.ts': chatInfoFile,
    'src/store.ts': store,
    'src/texts.ts': texts(spec),
    'src/components/App.tsx': app,
    'test/app.test.tsx': unitTest(spec),
  }),
  e2e: (spec) => e2e(spec, e2eDialogId(spec.options)),
};
