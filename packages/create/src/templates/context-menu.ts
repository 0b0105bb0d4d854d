/**
 * IM_CONTEXT_MENU: "Create using…" on a message opens the app in a side slider with the message's
 * PLACEMENT_OPTIONS.messageId and dialogId; the app reads that message (`im.dialog.messages.get`), posts a
 * reply quoting it (`im.message.add`) and closes the slider. The slider cannot resize.
 */
import { loadedAppFile } from './app-file.js';
import { openDialogFile } from './dialog-files.js';
import type { Flavor } from './flavor.js';
import { storeFile } from './store-file.js';
import { refusedOptionTest } from './unit-test-cases.js';
import { unitTestFile } from './unit-test-file.js';

const message = `/**
 * The message the context menu was opened on: PLACEMENT_OPTIONS.messageId (a string of digits), read
 * from an \`im.dialog.messages.get\` answer.
 */

export interface ChatMessage {
  readonly id: number;
  readonly text: string;
}

function fail(code: string, text: string): never {
  throw Object.assign(new Error(text), { code });
}

export function openMessageId(options: { readonly messageId: string }): number {
  if (!/^[1-9]\\d{0,15}$/.test(options.messageId)) fail('MESSAGE_ID_ERROR', 'messageId is not a message id');
  return Number(options.messageId);
}

/** The message with \`id\` in an \`im.dialog.messages.get\` answer. */
export function readMessage(answer: unknown, id: number): ChatMessage {
  const messages = (answer as { messages?: unknown } | null)?.messages;
  const found = Array.isArray(messages)
    ? (messages as { id?: unknown; text?: unknown }[]).find((item) => item?.id === id)
    : undefined;
  if (!found) fail('MESSAGE_ID_ERROR', \`message \${id} was not found\`);
  return { id, text: typeof found.text === 'string' ? found.text : '' };
}
`;

const store = storeFile({
  about: `IM_CONTEXT_MENU is opened on one message of one chat: the app
 * reads that message (\`im.dialog.messages.get\` from messageId - 1, limit 1), posts a reply quoting it
 * (\`im.message.add\` to the dialogId) and closes the slider.`,
  imports: `import { type ChatMessage, openMessageId, readMessage } from './chat-message.js';
import { openDialogId } from './open-dialog.js';
import { texts } from './texts.js';
`,
  body: `export interface AppState {
  readonly message: Remote<ChatMessage>;
  /** The id of the reply posted. */
  readonly reply: Remote<number>;
  load(): Promise<void>;
  sendReply(): Promise<void>;
}

export type AppFrame = Pick<Frame, 'rest' | 'closeApplication'> & {
  readonly context: {
    readonly lang: string;
    readonly options: { readonly dialogId: string; readonly messageId: string };
  };
};

/** At most this many characters of the message are quoted. */
export const quoteLength = 60;

export function createAppStore(frame: AppFrame) {
  const t = texts(frame.context.lang);
  return create<AppState>()((set, get) => ({
    message: idle,
    reply: idle,

    async load() {
      await track(
        async () => {
          const dialogId = openDialogId(frame.context.options);
          const id = openMessageId(frame.context.options);
          const params = { DIALOG_ID: dialogId, FIRST_ID: id - 1, LIMIT: 1 };
          return readMessage(await frame.rest.call('im.dialog.messages.get', params), id);
        },
        (message) => set({ message }),
      );
    },

    async sendReply() {
      const { message, reply } = get();
      if (message.status !== 'ready' || reply.status === 'loading') return;
      const sent = await track(
        async () => {
          const text = t('replyText', { quote: message.data.text.slice(0, quoteLength) });
          const params = { DIALOG_ID: openDialogId(frame.context.options), MESSAGE: text };
          return Number(await frame.rest.call('im.message.add', params));
        },
        (reply) => set({ reply }),
      );
      if (sent !== undefined) await frame.closeApplication();
    },
  }));
}
`,
});

const app = loadedAppFile({
  loads: 'the message',
  remote: 'message',
  uses: 'reply, load, sendReply',
  ready: `          <figure aria-label={t('message')}>
            <blockquote>{message.data.text}</blockquote>
          </figure>
          <button onClick={sendReply} disabled={reply.status === 'loading'}>
            {t('reply')}
          </button>`,
  after: `      {reply.status === 'error' && <ErrorNotice error={reply.error} lang={lang} />}
`,
});

const messages = {
  message: 'Message',
  reply: 'Reply with a quote',
  replyText: 'Re: “{quote}”',
};

const unitTest =
  unitTestFile(`const history = { messages: [{ id: 104, text: 'I can help with the banners' }] };

function fakeFrame(rest: Record<string, RestHandler> = {}, messageId = '104') {
  return createFakeFrame({
    placement: 'IM_CONTEXT_MENU',
    options: { dialogId: 'chat12', messageId },
    rest: { 'im.dialog.messages.get': () => history, ...rest },
  });
}

describe('app', () => {
  it('shows the message, replies with a quote and closes the slider', async () => {
    const frame = fakeFrame({ 'im.message.add': () => 905 });
    render(<App frame={frame} />);
    const quote = await screen.findByRole('figure', { name: 'Message' });
    expect(quote.textContent).toBe('I can help with the banners');
    fireEvent.click(screen.getByRole('button', { name: 'Reply with a quote' }));
    await waitFor(() => expect(frame.calls.at(-1)?.command).toBe('closeApplication'));
    expect(frame.calls).toContainEqual({
      command: 'rest:im.message.add',
      args: [{ DIALOG_ID: 'chat12', MESSAGE: 'Re: “I can help with the banners”' }],
    });
    expect(frame.calls[0]?.args[0]).toEqual({ DIALOG_ID: 'chat12', FIRST_ID: 103, LIMIT: 1 });
  });

  it('reports a message that is not in the answer', async () => {
    render(<App frame={fakeFrame({}, '999')} />);
    expect((await screen.findByRole('alert')).textContent).toContain('MESSAGE_ID_ERROR');
  });

${refusedOptionTest({
  title: 'refuses a messageId that is not a number without calling REST',
  frame: `fakeFrame({}, 'abc')`,
  call: 'load()',
  remote: 'message',
  code: 'MESSAGE_ID_ERROR',
})}});
`);

const e2eTest = `test('shows the message it was opened on and replies with a quote', async ({ shell, portal }) => {
  const history = await portal.rest<{ messages: { text: string }[] }>('im.dialog.messages.get', {
    DIALOG_ID: dialogId,
    LIMIT: 1,
  });
  const text = history.messages[0]?.text ?? '';
  await shell.openChat(dialogId);
  const app = await shell.openPlacement('IM_CONTEXT_MENU', title);
  await expect(app.getByRole('figure', { name: 'Message' })).toHaveText(text);
  await app.getByRole('button', { name: 'Reply with a quote' }).click();
  await expect(shell.page.getByTestId('slider')).toHaveCount(0);
  const reply = shell.page.getByTestId('message').filter({ hasText: \`Re: “\${text.slice(0, 60)}”\` });
  await expect(reply).toBeVisible();
});
`;

export const contextMenuFlavor: Flavor = {
  does: 'shows the message it was opened on (`im.dialog.messages.get`) and replies quoting it (`im.message.add`)',
  messages,
  files: () => ({
    helpers: {
      'src/open-dialog.ts': openDialogFile,
      'src/chat-message.ts': message,
    },
    store,
    app,
    unitTest,
  }),
  e2e: {
    about:
      '"Create using…" on the last message of a chat opens it in the slider; it\n * shows that message and posts a reply quoting it.',
    inChat: true,
    body: e2eTest,
  },
};
