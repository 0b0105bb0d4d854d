import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../src/App.js';
import type { ChatActions, LaunchSummary } from '../src/chat-actions.js';
import type { WhoAmIResult } from '../src/session.js';

afterEach(cleanup);

const launch: LaunchSummary = { dialogId: 'chat12', context: 'textarea', lang: 'en' };
const session = { token: 'abc.def', expiresAt: 2e9 };
const verified: WhoAmIResult = {
  ok: true,
  user: {
    memberId: 'm1',
    domain: 'portal.test',
    portal: 'https://portal.test',
    userId: 7,
    expiresAt: 2e9,
  },
};

function recordingActions(fail = false) {
  const calls: string[] = [];
  const actions: ChatActions = {
    send: async (text) => {
      calls.push(`send:${text}`);
      if (fail) throw new Error('host did not answer init');
    },
    put: async (text) => {
      calls.push(`put:${text}`);
    },
    openDialog: async (id) => {
      calls.push(`openDialog:${id}`);
    },
    close: async () => {
      calls.push('close');
    },
  };
  return { actions, calls };
}

describe('legacy chat app', () => {
  it('shows the verified user and sends, puts and opens the dialog through the host', async () => {
    const { actions, calls } = recordingActions();
    render(<App actions={actions} launch={launch} session={session} whoAmI={async () => verified} />);
    await screen.findByText(/Verified by the server/);
    expect(screen.getByTestId('user-id').textContent).toBe('7');
    fireEvent.input(screen.getByLabelText('Message'), { target: { value: 'Hi there' } });
    fireEvent.click(screen.getByText('Send to chat'));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('Send: done'));
    fireEvent.click(screen.getByText('Put into input'));
    fireEvent.click(screen.getByText('Open dialog'));
    fireEvent.click(screen.getByText('Close'));
    await waitFor(() =>
      expect(calls).toEqual(['send:Hi there', 'put:Hi there', 'openDialog:chat12', 'close']),
    );
  });

  it('keeps the actions disabled when the server refuses the session', async () => {
    const { actions, calls } = recordingActions();
    render(
      <App
        actions={actions}
        launch={launch}
        session={session}
        whoAmI={async () => ({ ok: false, error: 'EXPIRED' })}
      />,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('EXPIRED');
    const send = screen.getByText('Send to chat') as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.click(send);
    expect(calls).toEqual([]);
  });

  it('says there is no session when the page was not launched through the server', async () => {
    let asked = false;
    const { actions } = recordingActions();
    render(
      <App
        actions={actions}
        launch={launch}
        session={null}
        whoAmI={async () => {
          asked = true;
          return verified;
        }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('NO_SESSION');
    expect(asked).toBe(false);
  });

  it('shows a failing host action', async () => {
    const { actions } = recordingActions(true);
    render(<App actions={actions} launch={launch} session={session} whoAmI={async () => verified} />);
    await screen.findByText(/Verified by the server/);
    fireEvent.click(screen.getByText('Send to chat'));
    await waitFor(() =>
      expect(screen.getByTestId('status').textContent).toBe('Send failed: host did not answer init'),
    );
  });
});
