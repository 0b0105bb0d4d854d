/**
 * IM_NAVIGATION: the app fills the messenger's content area and gets no chat context, so it works with
 * the signed-in user (`user.current`) and can open the messenger.
 */
import type { AppSpec } from '../app-spec.js';
import type { Flavor } from './flavor.js';
import { tsString } from './source-text.js';

const store = `/**
 * The app's state and actions (zustand). IM_NAVIGATION has no chat context: the app greets the signed-in
 * user (\`user.current\`) and opens the messenger. The Frame is passed in, so tests use a fake one.
 */
import { type ErrorInfo, idle, type Remote, toErrorInfo, track } from '@imkit/app-kit';
import type { Frame } from '@imkit/frame';
import { create } from 'zustand';

export interface Profile {
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

export type AppStore = ReturnType<typeof createAppStore>;
`;

const app = `/** The app root: one store per launched frame, the profile loaded on start. */
import { ErrorNotice, Loading } from '@imkit/app-kit';
import { useEffect, useState } from 'preact/hooks';
import { type AppFrame, createAppStore } from '../store.js';
import { texts } from '../texts.js';

export function App({ frame }: { frame: AppFrame & { readonly context: { readonly lang: string } } }) {
  const [store] = useState(() => createAppStore(frame));
  const { profile, openError, load, openMessenger } = store();
  useEffect(() => {
    void store.getState().load();
  }, [store]);
  const lang = frame.context.lang;
  const t = texts(lang);
  return (
    <main>
      <h1>{t('title')}</h1>
      {profile.status === 'ready' && <p>{t('greeting', { name: profile.data.name })}</p>}
      {profile.status === 'error' && <ErrorNotice error={profile.error} lang={lang} onRetry={load} />}
      {(profile.status === 'idle' || profile.status === 'loading') && <Loading lang={lang} />}
      <button onClick={openMessenger}>{t('openMessenger')}</button>
      {openError && <ErrorNotice error={openError} lang={lang} />}
    </main>
  );
}
`;

function texts(spec: AppSpec): string {
  return `/** The app's interface texts; add a language next to \`en\` (the host's language is \`context.lang\`). */
import { createI18n } from '@imkit/app-kit';

const en = {
  title: ${tsString(spec.title)},
  greeting: 'Hello, {name}!',
  openMessenger: 'Open the messenger',
} as const;

export const texts = createI18n<keyof typeof en>({ en });
`;
}

const unitTest = `import { createFakeFrame, type RestHandler } from '@imkit/app-kit/testing';
import { RestError } from '@imkit/frame';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../src/components/App.js';
import { createAppStore } from '../src/store.js';

afterEach(cleanup);

function fakeFrame(userCurrent: RestHandler = () => ({ NAME: 'Anna', LAST_NAME: 'Admin' })) {
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
`;

function e2e(spec: AppSpec): string {
  return `/**
 * ${spec.name} in the emulator: opened from the left menu, it greets the signed-in user.
 * The fixture serves built apps only: run \`pnpm --filter @imkit/app-${spec.name} build\` first.
 */
import { expect, test } from '@imkit/emulator/fixture';

const title = ${tsString(spec.title)};

test('opens from the left menu and greets the signed-in user', async ({ shell, portal }) => {
  const me = await portal.rest<{ NAME: string; LAST_NAME: string }>('user.current');
  const app = await shell.openPlacement('IM_NAVIGATION', title);
  await expect(app.getByRole('heading', { name: title })).toBeVisible();
  await expect(app.getByText(\`Hello, \${me.NAME} \${me.LAST_NAME}!\`)).toBeVisible();
});
`;
}

export const navigationFlavor: Flavor = {
  does: 'greets the signed-in user (`user.current`) and opens the messenger',
  files: (spec) => ({
    'src/store.ts': store,
    'src/texts.ts': texts(spec),
    'src/components/App.tsx': app,
    'test/app.test.tsx': unitTest,
  }),
  e2e,
};
