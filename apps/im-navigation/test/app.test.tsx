import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../src/components/App.js';
import { dashboardFrame, denied } from './fixtures.js';

afterEach(cleanup);

describe('dashboard', () => {
  it('lists recent chats with unread counters and filters them', async () => {
    render(<App frame={dashboardFrame()} />);
    await screen.findByText('Product launch');
    expect(screen.getByTitle('2 unread').textContent).toBe('2');
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'boris' } });
    expect(screen.queryByText('Product launch')).toBeNull();
    expect(screen.getByText('Boris Berg')).toBeTruthy();
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'zzz' } });
    expect(screen.getByText('No chats match “zzz”.')).toBeTruthy();
  });

  it('opens a chat in the messenger', async () => {
    const frame = dashboardFrame();
    render(<App frame={frame} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open: Product launch' }));
    await waitFor(() => expect(frame.calls).toContainEqual({ command: 'openMessenger', args: ['chat12'] }));
  });

  it('broadcasts to the selected chats and shows each result', async () => {
    const frame = dashboardFrame({
      'im.message.add': (params) => (params.DIALOG_ID === '2' ? denied('im.message.add') : 900),
    });
    render(<App frame={frame} />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select Product launch' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Boris Berg' }));
    const send = screen.getByRole('button', { name: 'Send to selected (2)' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.input(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'Release at 5' } });
    fireEvent.click(send);
    const results = await screen.findByRole('status', { name: 'Sent to 1 of 2 chats' });
    expect(within(results).getByText('sent, message #900')).toBeTruthy();
    expect(within(results).getByText("ACCESS_ERROR — you don't have access to this chat.")).toBeTruthy();
  });

  it('shows the REST error in plain words, in Russian, with a retry', async () => {
    let fail = true;
    const frame = dashboardFrame(
      { 'im.recent.list': () => (fail ? denied('im.recent.list') : { items: [] }) },
      'ru',
    );
    render(<App frame={frame} />);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'ACCESS_ERROR — у вас нет доступа к этому чату.',
    );
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Повторить' }));
    await screen.findByText('Чатов пока нет.');
  });
});
