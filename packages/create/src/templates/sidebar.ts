/**
 * IM_SIDEBAR: the app opens in the chat sidebar for the open chat (PLACEMENT_OPTIONS.dialogId); it shows
 * the chat's title and member count (`im.dialog.get`) and posts a hello message (`im.message.add`).
 */
import type { AppSpec } from '../app-spec.js';
import { loadedAppFile } from './app-file.js';
import { chatStoreFile } from './chat-store-file.js';
import { chatInfoFile, openDialogFile } from './dialog-files.js';
import type { Flavor } from './flavor.js';
import { tsString } from './source-text.js';
import { deniedHandler, refusedOptionTest, restFailureTest } from './unit-test-cases.js';
import { unitTestFile } from './unit-test-file.js';

const store = chatStoreFile({
  placement: 'IM_SIDEBAR',
  does: 'posts a hello message to it (`im.message.add`)',
  result: { name: 'sent', type: 'number', doc: 'The id of the message last posted.' },
  name: 'sayHello',
  body: `      if (get().sent.status === 'loading') return;
      await track(
        async () => {
          const dialogId = openDialogId(frame.context.options);
          const message = t('hello', { app: t('title') });
          return Number(await frame.rest.call('im.message.add', { DIALOG_ID: dialogId, MESSAGE: message }));
        },
        (sent) => set({ sent }),
      );
`,
});

const app = loadedAppFile({
  loads: 'the chat',
  remote: 'chat',
  uses: 'sent, load, sayHello',
  ready: `          <h2>{chat.data.title}</h2>
          <p>{t('members', { count: chat.data.memberCount })}</p>
          <button onClick={sayHello} disabled={sent.status === 'loading'}>
            {t('sayHello')}
          </button>`,
  after: `      {sent.status === 'ready' && <p role="status">{t('sent', { id: sent.data })}</p>}
      {sent.status === 'error' && <ErrorNotice error={sent.error} lang={lang} />}
`,
});

const messages = {
  members: '{count} members',
  sayHello: 'Say hello',
  hello: 'Hello from {app}!',
  sent: 'Sent, message #{id}.',
};

function unitTest(spec: AppSpec): string {
  return unitTestFile(`const title = ${tsString(spec.title)};

${deniedHandler}
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

${restFailureTest(`fakeFrame({ 'im.dialog.get': denied })`)}
${refusedOptionTest({
  title: 'refuses a dialogId that is not a chat without calling REST',
  frame: `fakeFrame({}, 'chat0')`,
  call: 'load()',
  remote: 'chat',
  code: 'DIALOG_ID_EMPTY',
})}});
`);
}

const e2eTest = `test('shows the open chat and posts a hello message to it', async ({ shell, portal }) => {
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

export const sidebarFlavor: Flavor = {
  does: 'shows the open chat (`im.dialog.get`) and posts a hello message to it (`im.message.add`)',
  messages,
  files: (spec) => ({
    helpers: {
      'src/open-dialog.ts': openDialogFile,
      'src/chat-info.ts': chatInfoFile,
    },
    store,
    app,
    unitTest: unitTest(spec),
  }),
  e2e: {
    about: 'opened in the sidebar of a chat, it shows the chat and posts a hello\n * message to it.',
    inChat: true,
    body: e2eTest,
  },
};
