/**
 * IM_NAVIGATION: the app fills the messenger's content area and gets no chat context, so it works with
 * the signed-in user (`user.current`) and can open the messenger.
 */
import { loadedAppFile } from './app-file.js';
import type { Flavor } from './flavor.js';
import { storeFile } from './store-file.js';
import { unitTestFile } from './unit-test-file.js';

const store = storeFile({
  about: `IM_NAVIGATION has no chat context: the app greets the signed-in
 * user (\`user.current\`) and opens the messenger. The Frame is passed in, so tests use a fake one.`,
  kit: 'type ErrorInfo, idle, type Remote, toErrorInfo, track',
  body: `export interface Profile {
  readonly name: string;
}

export interface AppState {
  readonly profile: Remote<Profile>;
  /** Why the last "open the messenger" failed, if it did. */
  readonly openError: ErrorInfo | null;
  load(): Promise<void>;
  openMessenger(): Promise<void>;
}

export type AppFrame = Pick<Frame, 'rest' | 'openMessenger'>;

/** Reads a \`user.current\` answer (NAME, LAST_NAME) into the name to show. */
export function readProfile(answer: unknown): Profile {
  const user = (typeof answer === 'object' && answer !== null ? answer : {}) as Record<string, unknown>;
  const name = [user.NAME, user.LAST_NAME]
    .filter((part) => typeof part === 'string' && part !== '')
    .join(' ');
  if (name === '') throw Object.assign(new Error('user.current returned no name'), { code: 'BAD_RESPONSE' });
  return { name };
}

export function createAppStore(frame: AppFrame) {
  return create<AppState>()((set) => ({
    profile: idle,
    openError: null,

    async load() {
      await track(
        async () => readProfile(await frame.rest.call('user.current', {})),
        (profile) => set({ profile }),
      );
    },

    async openMessenger() {
      set({ openError: null });
      try {
        await frame.openMessenger();
      } catch (error) {
        set({ openError: toErrorInfo(error) });
      }
    },
  }));
}
`,
});

const app = loadedAppFile({
  loads: 'the profile',
  remote: 'profile',
  uses: 'openError, load, openMessenger',
  frameType: 'AppFrame & { readonly context: { readonly lang: string } }',
  ready: `<p>{t('greeting', { name: profile.data.name })}</p>`,
  after: `      <button onClick={openMessenger}>{t('openMessenger')}</button>
      {openError && <ErrorNotice error={openError} lang={lang} />}
`,
});

const messages = {
  greeting: 'Hello, {name}!',
  openMessenger: 'Open the messenger',
};

const unitTest =
  unitTestFile(`function fakeFrame(userCurrent: RestHandler = () => ({ NAME: 'Anna', LAST_NAME: 'Admin' })) {
  return createFakeFrame({ placement: 'IM_NAVIGATION', options: {}, rest: { 'user.current': userCurrent } });
}

describe('app', () => {
  it('greets the signed-in user and opens the messenger', async () => {
    const frame = fakeFrame();
    render(<App frame={frame} />);
    await screen.findByText('Hello, Anna Admin!');
    fireEvent.click(screen.getByRole('button', { name: 'Open the messenger' }));
    await waitFor(() => expect(frame.calls.map((call) => call.command)).toContain('openMessenger'));
  });

  it('shows a REST failure with its code and retries', async () => {
    let fail = true;
    const frame = fakeFrame(() => {
      if (!fail) return { NAME: 'Anna' };
      throw new RestError({ code: 'ACCESS_DENIED', description: 'Access denied!', status: 403, method: 'x' });
    });
    render(<App frame={frame} />);
    expect((await screen.findByRole('alert')).textContent).toContain('ACCESS_DENIED');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('Hello, Anna!');
  });

  it('refuses an answer without a name', async () => {
    const store = createAppStore(fakeFrame(() => ({})));
    await store.getState().load();
    expect(store.getState().profile).toMatchObject({ status: 'error', error: { code: 'BAD_RESPONSE' } });
  });
});
`);

const e2eTest = `test('opens from the left menu and greets the signed-in user', async ({ shell, portal }) => {
  const me = await portal.rest<{ NAME: string; LAST_NAME: string }>('user.current');
  const app = await shell.openPlacement('IM_NAVIGATION', title);
  await expect(app.getByRole('heading', { name: title })).toBeVisible();
  await expect(app.getByText(\`Hello, \${me.NAME} \${me.LAST_NAME}!\`)).toBeVisible();
});
`;

export const navigationFlavor: Flavor = {
  does: 'greets the signed-in user (`user.current`) and opens the messenger',
  messages,
  files: () => ({
    store,
    app,
    unitTest,
  }),
  e2e: {
    about: 'opened from the left menu, it greets the signed-in user.',
    inChat: false,
    body: e2eTest,
  },
};
