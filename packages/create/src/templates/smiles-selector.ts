/**
 * IM_SMILES_SELECTOR: a tab of the smiley selector for the open chat (PLACEMENT_OPTIONS.dialogId); a
 * click sends the picked emoji to the chat (`im.message.add`). The official docs mark this placement
 * deprecated in recent `im` versions: it still binds, but the new chat may no longer open it.
 */
import { openDialogFile } from './dialog-files.js';
import type { Flavor } from './flavor.js';
import { storeFile } from './store-file.js';
import { deniedHandler, refusedOptionTest, restFailureTest } from './unit-test-cases.js';
import { unitTestFile } from './unit-test-file.js';

const store = storeFile({
  about: `IM_SMILES_SELECTOR is opened for one chat: a pick sends the
 * emoji to it (\`im.message.add\` with PLACEMENT_OPTIONS.dialogId).`,
  imports: `import { openDialogId } from './open-dialog.js';
`,
  body: `export const emoji = ['👍', '🎉', '🙏', '😀', '🚀'] as const;
export type Emoji = (typeof emoji)[number];

export interface AppState {
  /** The emoji last sent. */
  readonly sent: Remote<Emoji>;
  send(pick: Emoji): Promise<void>;
}

export type AppFrame = Pick<Frame, 'rest'> & {
  readonly context: { readonly options: { readonly dialogId: string } };
};

export function createAppStore(frame: AppFrame) {
  return create<AppState>()((set, get) => ({
    sent: idle,

    async send(pick) {
      if (get().sent.status === 'loading') return;
      await track(
        async () => {
          const dialogId = openDialogId(frame.context.options);
          await frame.rest.call('im.message.add', { DIALOG_ID: dialogId, MESSAGE: pick });
          return pick;
        },
        (sent) => set({ sent }),
      );
    },
  }));
}
`,
});

const app = `/** The app root: one store per launched frame; one button per emoji. */
import { ErrorNotice } from '@imkit/app-kit';
import { useState } from 'preact/hooks';
import { type AppFrame, createAppStore, emoji } from '../store.js';
import { texts } from '../texts.js';

export function App({ frame }: { frame: AppFrame & { readonly context: { readonly lang: string } } }) {
  const [store] = useState(() => createAppStore(frame));
  const { sent, send } = store();
  const lang = frame.context.lang;
  const t = texts(lang);
  return (
    <main>
      <h1>{t('title')}</h1>
      <fieldset>
        <legend>{t('pick')}</legend>
        {emoji.map((pick) => (
          <button key={pick} aria-label={t('send', { emoji: pick })} onClick={() => void send(pick)}>
            {pick}
          </button>
        ))}
      </fieldset>
      {sent.status === 'ready' && <p role="status">{t('sent', { emoji: sent.data })}</p>}
      {sent.status === 'error' && <ErrorNotice error={sent.error} lang={lang} />}
    </main>
  );
}
`;

const messages = {
  pick: 'Emoji',
  send: 'Send {emoji}',
  sent: 'Sent {emoji} to the chat.',
};

const unitTest = unitTestFile(`${deniedHandler}
function fakeFrame(messageAdd: RestHandler = () => 907, dialogId = 'chat12') {
  return createFakeFrame({
    placement: 'IM_SMILES_SELECTOR',
    options: { dialogId },
    rest: { 'im.message.add': messageAdd },
  });
}

describe('app', () => {
  it('sends the picked emoji to the open chat', async () => {
    const frame = fakeFrame();
    render(<App frame={frame} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send 🎉' }));
    await screen.findByText('Sent 🎉 to the chat.');
    expect(frame.calls).toEqual([
      { command: 'rest:im.message.add', args: [{ DIALOG_ID: 'chat12', MESSAGE: '🎉' }] },
    ]);
  });

${restFailureTest('fakeFrame(denied)', "    fireEvent.click(screen.getByRole('button', { name: 'Send 👍' }));\n")}
${refusedOptionTest({
  title: 'refuses a dialogId that is not a chat without calling REST',
  frame: `fakeFrame(undefined, 'nobody')`,
  call: "send('👍')",
  remote: 'sent',
  code: 'DIALOG_ID_EMPTY',
})}});
`);

const e2eTest = `test('sends the picked emoji to the open chat', async ({ shell }) => {
  await shell.openChat(dialogId);
  const messages = shell.page.getByTestId('message');
  const before = await messages.count();
  const app = await shell.openPlacement('IM_SMILES_SELECTOR', title);
  await app.getByRole('button', { name: 'Send 🚀' }).click();
  await expect(app.getByRole('status')).toHaveText('Sent 🚀 to the chat.');
  await expect(messages).toHaveCount(before + 1);
  await expect(messages.last()).toContainText('🚀');
});
`;

export const smilesSelectorFlavor: Flavor = {
  does: 'sends the picked emoji to the open chat (`im.message.add`)',
  messages,
  files: () => ({
    helpers: {
      'src/open-dialog.ts': openDialogFile,
    },
    store,
    app,
    unitTest,
  }),
  e2e: {
    about: 'a tab of the smiley selector in a chat; a pick sends the emoji to the\n * chat.',
    inChat: true,
    body: e2eTest,
  },
};
