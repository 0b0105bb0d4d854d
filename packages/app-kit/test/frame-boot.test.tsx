import type { Frame } from '@imkit/frame';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FrameBoot } from '../src/frame-boot.js';
import { createFakeFrame } from '../src/testing/fake-frame.js';

afterEach(cleanup);

const frameError = (code: string) => Object.assign(new Error(code), { code });

describe('FrameBoot', () => {
  it('shows connecting, then the app with the typed frame, and fits the height', async () => {
    const frame = createFakeFrame({ placement: 'IM_TEXTAREA', options: { dialogId: 'chat12' } });
    render(
      <FrameBoot connect={async () => frame} placement="IM_TEXTAREA">
        {(f) => <p>dialog {f.context.options.dialogId}</p>}
      </FrameBoot>,
    );
    expect(screen.getByRole('status').textContent).toContain('Connecting');
    await screen.findByText('dialog chat12');
    expect(frame.calls.map((c) => c.command)).toContain('autoResize');
  });

  it('does not auto-resize where the placement refuses resize, and disposes on unmount', async () => {
    const frame = createFakeFrame({
      placement: 'IM_CONTEXT_MENU',
      options: { dialogId: '1', messageId: '2' },
    });
    const view = render(
      <FrameBoot connect={async () => frame} placement="IM_CONTEXT_MENU">
        {() => <p>ready</p>}
      </FrameBoot>,
    );
    await screen.findByText('ready');
    expect(frame.calls.map((c) => c.command)).not.toContain('autoResize');
    view.unmount();
    expect(frame.disposed()).toBe(true);
  });

  it('tells the user to open the app from Bitrix24 when not framed', async () => {
    render(
      <FrameBoot connect={() => Promise.reject(frameError('NOT_FRAMED'))} placement="IM_SIDEBAR">
        {() => <p>app</p>}
      </FrameBoot>,
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Open this app from Bitrix24 or the emulator',
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows a failure in plain words and retries', async () => {
    let attempts = 0;
    const frame = createFakeFrame({ placement: 'IM_NAVIGATION', options: {} });
    const connect = async (): Promise<Frame> => {
      attempts += 1;
      if (attempts === 1) throw frameError('FRAME_TIMEOUT');
      return frame;
    };
    render(
      <FrameBoot connect={connect} placement="IM_NAVIGATION">
        {() => <p>ready</p>}
      </FrameBoot>,
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'FRAME_TIMEOUT — Bitrix24 did not answer',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('ready');
    expect(attempts).toBe(2);
  });

  it('refuses a launch in another placement', async () => {
    const frame = createFakeFrame({ placement: 'IM_SIDEBAR', options: { dialogId: 'chat1' } });
    render(
      <FrameBoot connect={async () => frame} placement="IM_TEXTAREA">
        {() => <p>app</p>}
      </FrameBoot>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('WRONG_PLACEMENT');
    expect(alert.textContent).toContain('IM_SIDEBAR');
    await waitFor(() => expect(frame.disposed()).toBe(true));
  });
});
