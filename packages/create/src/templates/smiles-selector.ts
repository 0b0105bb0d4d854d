/**
 * IM_SMILES_SELECTOR: a tab of the smiley selector for the open chat (PLACEMENT_OPTIONS.dialogId); a
 * click sends the picked emoji to the chat (`im.message.add`). The official docs mark this placement
 * deprecated in recent `im` versions: it still binds, but the new chat may no longer open it.
 */
import type { AppSpec } from '../app-spec.js';
import { openDialogFile } from './dialog-files.js';
import { e2eDialogId } from './e2e-dialog.js';
import type { Flavor } from './flavor.js';
import { tsString } from './source-text.js';

const store = `/**
 * The app's state and actions (zustand). IM_SMILES_SELECTOR is opened for one chat: a pick sends the
 * emoji to it (\`im.message.add\` with PLACEMENT_OPTIONS.dialogId).
 */
import { idle, type Remote, track } from '@imkit/app-kit';
import type { Frame } from '@imkit/frame';
import { create } from 'zustand';
import { openDialogId } from './open-dialog.js';

export const emoji = ['👍', '🎉', '🙏', '😀', '🚀'] as const;
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

export type AppStore = ReturnType<typeof createAppStore>;
`;

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

function texts(spec: AppSpec): string {
  return `/** The app's interface texts; add a language next to \`en\` (the host's language is \`context.lang\`). */
import { createI18n } from '@imkit/app-kit';

const en = {
  title: ${tsString(spec.title)},
  pick: 'Emoji',
  send: 'Send {emoji}',
  sent: 'Sent {emoji} to the chat.',
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

  it('shows a REST failure with its code', async () => {
    const frame = fakeFrame(() => {
      throw new RestError({ code: 'ACCESS_ERROR', description: 'No access', status: 403, method: 'x' });
    });
    render(<App frame={frame} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send 👍' }));
    expect((await screen.findByRole('alert')).textContent).toContain('ACCESS_ERROR');
  });

  it('refuses a dialogId that is not a chat without calling REST', async () => {
    const frame = fakeFrame(undefined, 'nobody');
    const store = createAppStore(frame);
    await store.getState().send('👍');
    expect(store.getState().sent).toMatchObject({ status: 'error', error: { code: 'DIALOG_ID_EMPTY' } });
    expect(frame.calls).toEqual([]);
  });
});
`;

function e2e(spec: AppSpec, dialogId: string): string {
  return `/**
 * ${spec.name} in the emulator: a tab of the smiley selector in a chat; a pick sends the emoji to the
 * chat. The fixture serves built apps only: run \`pnpm --filter @imkit/app-${spec.name} build\` first.
 */
import { expect, test } from '@imkit/emulator/fixture';

const title = ${tsString(spec.title)};
const dialogId = '${dialogId}';

test('sends the picked emoji to the open chat', async ({ shell }) => {
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
}

export const smilesSelectorFlavor: Flavor = {
  does: 'sends the picked emoji to the open chat (`im.message.add`)',
  files: (spec) => ({
    'src/open-dialog.ts': openDialogFile,
    'src/store.ts': store,
    'src/texts.ts': texts(spec),
    'src/components/App.tsx': app,
    'test/app.test.tsx': unitTest,
  }),
  e2e: (spec) => e2e(spec, e2eDialogId(spec.options)),
};
