/**
 * IM_TEXTAREA: a button above the message input opens the app in a popup for the open chat
 * (PLACEMENT_OPTIONS.dialogId); the app reads the chat (`im.dialog.get`) and inserts a greeting into the
 * message input.
 */
import { loadedAppFile } from './app-file.js';
import { chatStoreFile } from './chat-store-file.js';
import { chatInfoFile, openDialogFile } from './dialog-files.js';
import type { Flavor } from './flavor.js';
import { deniedHandler, refusedOptionTest, restFailureTest } from './unit-test-cases.js';
import { unitTestFile } from './unit-test-file.js';

const store = chatStoreFile({
  placement: 'IM_TEXTAREA',
  does: "inserts a greeting into the chat's message input",
  frameCommands: "'textarea'",
  result: { name: 'inserted', type: 'string', doc: 'The text last inserted into the message input.' },
  name: 'insertGreeting',
  body: `      const { chat } = get();
      if (chat.status !== 'ready') return;
      const text = t('greeting', { chat: chat.data.title });
      await track(
        async () => {
          await frame.textarea.insert(text);
          return text;
        },
        (inserted) => set({ inserted }),
      );
`,
});

const app = loadedAppFile({
  loads: 'the chat',
  remote: 'chat',
  uses: 'inserted, load, insertGreeting',
  ready: `          <p>{t('chat', { title: chat.data.title })}</p>
          <button onClick={insertGreeting} disabled={inserted.status === 'loading'}>
            {t('insert')}
          </button>`,
  after: `      {inserted.status === 'ready' && <p role="status">{t('inserted', { text: inserted.data })}</p>}
      {inserted.status === 'error' && <ErrorNotice error={inserted.error} lang={lang} />}
`,
});

const messages = {
  chat: 'Chat: {title}',
  insert: 'Insert a greeting',
  greeting: 'Hello, {chat}!',
  inserted: 'Inserted “{text}” into the message.',
};

const unitTest = unitTestFile(`${deniedHandler}
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

${restFailureTest('fakeFrame(denied)')}
${refusedOptionTest({
  title: 'refuses a dialogId that is not a chat without calling REST',
  frame: `fakeFrame(undefined, 'chat0')`,
  call: 'load()',
  remote: 'chat',
  code: 'DIALOG_ID_EMPTY',
})}});
`);

const e2eTest = `test('inserts a greeting for the open chat into the message input', async ({ shell, portal }) => {
  const chat = await portal.rest<{ name: string }>('im.dialog.get', { DIALOG_ID: dialogId });
  await shell.openChat(dialogId);
  const app = await shell.openPlacement('IM_TEXTAREA', title);
  await expect(app.getByText(\`Chat: \${chat.name}\`)).toBeVisible();
  await app.getByRole('button', { name: 'Insert a greeting' }).click();
  await expect(shell.page.getByTestId('message-input')).toHaveValue(\`Hello, \${chat.name}!\`);
});
`;

export const textareaFlavor: Flavor = {
  does: 'reads the open chat (`im.dialog.get`) and inserts a greeting into its message input',
  messages,
  files: () => ({
    helpers: {
      'src/open-dialog.ts': openDialogFile,
      'src/chat-info.ts': chatInfoFile,
    },
    store,
    app,
    unitTest,
  }),
  e2e: {
    about:
      'opened from the button above the message input of a chat, it inserts a\n * greeting into the input.',
    inChat: true,
    body: e2eTest,
  },
};
