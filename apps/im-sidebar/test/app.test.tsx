import { createFakeFrame } from '@imkit/app-kit/testing';
import { RestError, type RestParams } from '@imkit/frame';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../src/components/App.js';
import { groupChat, messagePage, openLineChat, openLineDialog } from './fixtures.js';

afterEach(cleanup);

function renderApp(dialogId: string, rest: Record<string, (params: RestParams) => unknown>, lang = 'en') {
  const frame = createFakeFrame({ placement: 'IM_SIDEBAR', options: { dialogId }, rest, lang });
  render(<App frame={frame} />);
  return frame;
}

describe('<App> insights', () => {
  it('shows loading, then participants, per-author counts and links', async () => {
    renderApp('chat12', { 'im.dialog.get': () => groupChat, 'im.dialog.messages.get': () => messagePage });
    expect(screen.getByRole('status').textContent).toContain('Loading the chat');
    await screen.findByRole('heading', { name: 'Release team' });
    const authors = await screen.findByRole('region', { name: 'Messages per author' });
    expect(authors.querySelector('[data-author="1"]')?.textContent).toContain('3');
    const participants = screen.getByRole('region', { name: /Participants/ });
    expect(participants.textContent).toContain('Echo Bot');
    expect(participants.textContent).toContain('…and 1 more who have not written recently.');
    const link = screen.getByRole('link', { name: 'https://example.com/a' });
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.queryByRole('region', { name: 'Open-line session' })).toBeNull();
  });

  it('shows empty states for a chat without messages, in Russian', async () => {
    renderApp(
      'chat12',
      { 'im.dialog.get': () => groupChat, 'im.dialog.messages.get': () => ({ messages: [], users: {} }) },
      'ru',
    );
    await screen.findByText('В этом чате ещё нет сообщений.');
    expect(screen.getByText('Ссылками ещё не делились.')).toBeTruthy();
  });

  it('shows the REST error code in plain words and retries', async () => {
    let fail = true;
    renderApp('chat12', {
      'im.dialog.get': () => groupChat,
      'im.dialog.messages.get': () => {
        if (fail) {
          throw new RestError({
            code: 'ACCESS_ERROR',
            description: '',
            status: 403,
            method: 'im.dialog.messages.get',
          });
        }
        return messagePage;
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("ACCESS_ERROR — you don't have access to this chat.");
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('region', { name: 'Messages per author' });
  });
});

describe('<App> open-line session panel', () => {
  const openLine = (extra: Record<string, (params: RestParams) => unknown>) =>
    renderApp('chat71', {
      'im.dialog.get': () => openLineChat,
      'im.dialog.messages.get': () => ({ messages: [], users: {} }),
      'imopenlines.dialog.get': () => openLineDialog,
      ...extra,
    });

  it('shows the CRM binding and sends the chosen canned message', async () => {
    const frame = openLine({ 'imopenlines.bot.session.message.send': () => true });
    await screen.findByRole('region', { name: 'Open-line session' });
    expect(screen.getByTestId('crm-binding').textContent).toBe('deal #12');
    await screen.findByText('No messages in this chat yet.');
    fireEvent.click(screen.getByRole('radio', { name: /looking into your question/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByText('The automatic message was sent.');
    const call = frame.calls.find((c) => c.command === 'rest:imopenlines.bot.session.message.send');
    expect(call?.args[0]).toEqual({
      CHAT_ID: 71,
      NAME: 'DEFAULT',
      MESSAGE: 'We are looking into your question, please wait a moment.',
    });
  });

  it('names the field of a bad transfer id and shows a host error code', async () => {
    openLine({
      'imopenlines.bot.session.transfer': () => {
        throw new RestError({ code: 'WRONG_CHAT', description: '', status: 400, method: 'x' });
      },
    });
    await screen.findByRole('region', { name: 'Open-line session' });
    fireEvent.input(screen.getByRole('textbox', { name: 'Id' }), { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    await screen.findByText('Id: enter a whole number greater than 0.');
    fireEvent.input(screen.getByRole('textbox', { name: 'Id' }), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    const alert = await screen.findByText(/^WRONG_CHAT — /);
    expect(alert.textContent).toContain('not under the bot');
  });

  it('finishes the session only after confirmation', async () => {
    const frame = openLine({ 'imopenlines.bot.session.finish': () => true });
    await screen.findByRole('region', { name: 'Open-line session' });
    fireEvent.click(screen.getByRole('button', { name: 'Finish the session' }));
    expect(frame.calls.some((c) => c.command === 'rest:imopenlines.bot.session.finish')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, finish' }));
    await screen.findByText('The session was finished.');
    await waitFor(() =>
      expect(frame.calls.filter((c) => c.command === 'rest:imopenlines.dialog.get')).toHaveLength(2),
    );
  });

  it("fills the operator id from the host's user picker", async () => {
    const frame = openLine({});
    await screen.findByRole('region', { name: 'Open-line session' });
    fireEvent.click(screen.getByRole('radio', { name: /to queue/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Choose…' }));
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: 'Id' }) as HTMLInputElement).value).toBe('1'),
    );
    expect((screen.getByRole('radio', { name: /to operator/ }) as HTMLInputElement).checked).toBe(true);
    expect(frame.calls.some((c) => c.command === 'selectUser')).toBe(true);
  });
});
