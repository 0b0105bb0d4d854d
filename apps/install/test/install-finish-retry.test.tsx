/** A failed installFinish is shown as an error and "Try again" asks again — until it succeeds once. */
import { FrameError } from '@imkit/frame';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { InstallPage } from '../src/InstallPage.js';
import { createInstallSession, type InstallFrame } from '../src/install-session.js';
import { declarations, handlerBase } from './declarations.fixture.js';
import { createFakeInstallFrame } from './fake-install-frame.js';

afterEach(cleanup);

/** The fake install frame whose installFinish fails while `failures` is above zero; counts every attempt. */
function frameWithFlakyFinish(failures: number, install = true) {
  const fake = createFakeInstallFrame({ install, isAdmin: true });
  const counts = { attempts: 0, successes: 0, failures };
  const frame: InstallFrame = {
    ...fake,
    installFinish: async () => {
      counts.attempts++;
      if (counts.failures > 0) {
        counts.failures--;
        throw new FrameError(
          'FRAME_TIMEOUT',
          'setInstallFinish',
          'setInstallFinish: no reply within 10000 ms',
        );
      }
      counts.successes++;
    },
  };
  return { frame, fake, counts };
}

describe('install session: installFinish fails', () => {
  it('fails with the error, then retries installFinish on the next run and finishes once', async () => {
    const { frame, counts } = frameWithFlakyFinish(2);
    const session = createInstallSession(frame, declarations, handlerBase, () => {});

    const first = await session.run();
    expect(first).toMatchObject({ step: 'failed', result: { ok: true } });
    if (first.step === 'failed') expect((first.error as FrameError).code).toBe('FRAME_TIMEOUT');
    expect(counts).toMatchObject({ attempts: 1, successes: 0 });

    expect((await session.run()).step).toBe('failed');
    expect(counts).toMatchObject({ attempts: 2, successes: 0 });

    expect(await session.run()).toMatchObject({ step: 'done', finished: true });
    expect(counts).toMatchObject({ attempts: 3, successes: 1 });

    expect(await session.run()).toMatchObject({ step: 'done', finished: true });
    expect(counts).toMatchObject({ attempts: 3, successes: 1 });
  });

  it('never calls installFinish outside the install launch', async () => {
    const { frame, counts } = frameWithFlakyFinish(1, false);
    const session = createInstallSession(frame, declarations, handlerBase, () => {});
    expect(await session.run()).toMatchObject({ step: 'done', finished: false });
    expect(await session.run()).toMatchObject({ step: 'done', finished: false });
    expect(counts.attempts).toBe(0);
  });
});

describe('InstallPage: installFinish fails', () => {
  it('shows the error instead of "installed", and "Try again" calls installFinish again', async () => {
    const { frame, counts } = frameWithFlakyFinish(1);
    render(
      <InstallPage connect={async () => frame} declarations={() => declarations} handlerBase={handlerBase} />,
    );
    expect(
      await screen.findByText(
        'The chat apps are registered, but Bitrix24 did not confirm the end of the install.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('FRAME_TIMEOUT');
    expect(screen.queryByText(/All chat apps are installed/)).toBeNull();
    expect(counts.attempts).toBe(1);

    fireEvent.click(screen.getByText('Try again'));
    expect(await screen.findByText('All chat apps are installed. You can close this page.')).toBeTruthy();
    expect(counts).toMatchObject({ attempts: 2, successes: 1 });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
