/**
 * IM_TEXTAREA: a button above the message input opens the app in a popup for the open chat
 * (PLACEMENT_OPTIONS.dialogId); the app reads the chat (`im.dialog.get`) and inserts a greeting into the
 * message input.
 */
import type { AppSpec } from '../app-spec.js';
import { chatInfoFile, openDialogFile } from './dialog-files.js';
import { e2eDialogId } from './e2e-dialog.js';
import type { Flavor } from './flavor.js';
import { tsString } from './source-text.js';

const store = `/**
 * The app's state and actions (zustand). IM_TEXTAREA is opened for one chat: the app reads it
 * (\`im.dialog.get\` with PLACEMENT_OPTIONS.dialogId) and inserts a greeting into the chat's message input.
 */
import { idle, type Remote, track } from '@imkit/app-kit';
import type { Frame } from '@imkit/frame';
import { create } from 'zustand';
import { type ChatInfo, readChatInfo } from './chat-info.js';
import { openDialogId } from './open-dialog.js';
import { texts } from './texts.js';

export interface AppState {
  readonly chat: Remote<ChatInfo>;
  /** The text last inserted into the message input. */
  readonly inserted: Remote<string>;
  load(): Promise<void>;
  insertGreeting(): Promise<void>;
}

export type AppFrame = Pick<Frame, 'rest' | 'textarea'> & {
  readonly context: { readonly lang: string; readonly options: { readonly dialogId: string } };
};

export function createAppStore(frame: AppFrame) {
  const t = texts(frame.context.lang);
  return create<AppState>()((set, get) => ({
    chat: idle,
    inserted: idle,

    async load() {
      await track(
        async () => {
          const dialogId = openDialogId(frame.context.options);
          return readChatInfo(await frame.rest.call('im.dialog.get', { DIALOG_ID: dialogId }));
        },
        (chat) => set({ chat }),
      );
    },

    async insertGreeting() {
      const { chat } = get();
      if (chat.status !== 'ready') return;
      const text = t('greeting', { chat: chat.data.title });
      await track(
        async () => {
          await frame.textarea.insert(text);
          return text;
        },
        (inserted) => set({ inserted }),
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
  const { chat, inserted, load, insertGreeting } = store();
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
          <p>{t('chat', { title: chat.data.title })}</p>
          <button onClick={insertGreeting} disabled={inserted.status === 'loading'}>
            {t('insert')}
          </button>
        </>
      )}
      {inserted.status === 'ready' && <p role="status">{t('inserted', { text: inserted.data })}</p>}
      {inserted.status === 'error' && <ErrorNotice error={inserted.error} lang={lang} />}
    </main>
  );
}
`;

function texts(spec: AppSpec): string {
  return `/** The app's interface texts; add a language next to \`en\` (the host's language is \`context.lang\`). */
import { createI18n } from '@imkit/app-kit';

const en = {
  title: ${tsString(spec.title)},
  chat: 'Chat: {title}',
  insert: 'Insert a greeting',
  greeting: 'Hello, {chat}!',
  inserted: 'Inserted “{text}” into the message.',
} as const;

export const texts = createI18n<keyof typeof en>({ en });
`;
}

const unitTest = `import { createFakeFrame, type RestHandler } from '@imkit/app-kit/testing';
import { RestError } from '@imkit/frame';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../src/components/App.js';
import { createAppStore } from '../src/store.js';

afterEach(cleanup);

function fakeFrame(
  dialogGet: RestHandler = () => ({ name: 'Product launch', user_counter: 4 }),
  dialogId = 'chat12',
) {
  return createFakeFrame({
    placement: 'IM_TEXTAREA',
    options: { dialogId },
    rest: { 'im.dialog.get': dialogGet },
  });
}

describe('app', () => {
  it('reads the open chat and inserts a greeting into the message input', async () => {
    const frame = fakeFrame();
    render(<App frame={frame} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Insert a greeting' }));
    await screen.findByText('Inserted “Hello, Product launch!” into the message.');
    expect(frame.textareaContent).toBe('Hello, Product launch!');
    expect(frame.calls[0]).toEqual({ command: 'rest:im.dialog.get', args: [{ DIALOG_ID: 'chat12' }] });
  });

  it('shows a REST failure with its code', async () => {
    render(
      <App
        frame={fakeFrame(() => {
          throw new RestError({ code: 'ACCESS_ERROR', description: 'No access', status: 403, method: 'x' });
        })}
      />,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('ACCESS_ERROR');
  });

  it('refuses a dialogId that is not a chat without calling REST', async () => {
    const frame = fakeFrame(undefined, 'chat0');
    const store = createAppStore(frame);
    await store.getState().load();
    expect(store.getState().chat).toMatchObject({ status: 'error', error: { code: 'DIALOG_ID_EMPTY' } });
    expect(frame.calls).toEqual([]);
  });
});
`;

function e2e(spec: AppSpec, dialogId: string): string {
  return `/**
 * ${spec.name} in the emulator: opened from the button above the message input of a chat, it inserts a
 * greeting into the input. The fixture serves built apps only: run
 * \`pnpm --filter @imkit/app-${spec.name} build\` first.
 */
import { expect, test } from '@imkit/emulator/fixture';

const title = ${tsString(spec.title)};
const dialogId = '${dialogId}';

test('inserts a greeting for the open chat into the message input', async ({ shell, portal }) => {
  const chat = await portal.rest<{ name: string }>('im.dialog.get', { DIALOG_ID: dialogId });
  await shell.openChat(dialogId);
  const app = await shell.openPlacement('IM_TEXTAREA', title);
  await expect(app.getByText(\`Chat: \${chat.name}\`)).toBeVisible();
  await app.getByRole('button', { name: 'Insert a greeting' }).click();
  await expect(shell.page.getByTestId('message-input')).toHaveValue(\`Hello, \${chat.name}!\`);
});
`;
}

export const textareaFlavor: Flavor = {
  does: 'reads the open chat (`im.dialog.get`) and inserts a greeting into its message input',
  files: (spec) => ({
    'src/open-dialog.ts': openDialogFile,
    'src/chat-info.ts': chatInfoFile,
    'src/store.ts': store,
    'src/texts.ts': texts(spec),
    'src/components/App.tsx': app,
    'test/app.test.tsx': unitTest,
  }),
  e2e: (spec) => e2e(spec, e2eDialogId(spec.options)),
};
