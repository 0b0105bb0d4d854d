import { createFakeFrame } from '@imkit/app-kit/testing';
import { RestError, type RestParams } from '@imkit/frame';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../src/components/App.js';
import { chosenPage, currentUser, recentList } from './fixtures.js';

afterEach(cleanup);

function renderApp(extra: Record<string, (params: RestParams) => unknown> = {}, lang = 'en') {
  const frame = createFakeFrame({
    placement: 'IM_CONTEXT_MENU',
    options: { dialogId: 'chat12', messageId: '345' },
    lang,
    rest: {
      'im.dialog.messages.get': () => chosenPage,
      'im.recent.list': () => recentList,
      'user.current': () => currentUser,
      ...extra,
    },
  });
  render(<App frame={frame} />);
  return frame;
}

describe('<App> follow-up', () => {
  it('shows the chosen message and the chats, then posts and closes', async () => {
    const frame = renderApp({ 'im.message.add': () => 10 });
    const quote = await screen.findByRole('figure', { name: 'Message' });
    expect(quote.textContent).toContain('Boris Berg');
    expect(quote.textContent).toContain('Can someone check the pricing page before Friday?');
    const source = screen.getByRole('radio', { name: /Product launch/ }) as HTMLInputElement;
    expect(source.checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /Eve Extern/ }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'Ping Eve' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post follow-up' }));
    await screen.findByText('Follow-up posted.');
    const add = frame.calls.find((c) => c.command === 'rest:im.message.add');
    expect(add?.args[0]).toMatchObject({ DIALOG_ID: '5', MESSAGE: 'Ping Eve' });
    await waitFor(() => expect(frame.calls.at(-1)?.command).toBe('closeApplication'));
  });

  it('offers CRM posting only for a CRM-bound open line', async () => {
    const frame = renderApp({ 'imopenlines.crm.message.add': () => 11 });
    await screen.findByRole('figure', { name: 'Message' });
    expect(screen.queryByRole('checkbox')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: /Grace Guest/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /through CRM \(lead #21\)/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Post follow-up' }));
    await screen.findByText('Follow-up posted.');
    expect(frame.calls.some((c) => c.command === 'rest:imopenlines.crm.message.add')).toBe(true);
  });

  it("shows the host's error code in plain words and stays open", async () => {
    const frame = renderApp({
      'imopenlines.crm.message.add': () => {
        throw new RestError({
          code: 'CHAT_NOT_IN_CRM',
          description: '',
          status: 400,
          method: 'imopenlines.crm.message.add',
        });
      },
    });
    await screen.findByRole('figure', { name: 'Message' });
    fireEvent.click(screen.getByRole('radio', { name: /Grace Guest/ }));
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: 'Post follow-up' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('CHAT_NOT_IN_CRM — this chat is not linked to that CRM entity.');
    expect(frame.calls.map((c) => c.command)).not.toContain('closeApplication');
  });

  it('shows load errors with their codes, in Russian', async () => {
    renderApp(
      {
        'im.dialog.messages.get': () => {
          throw new RestError({
            code: 'ACCESS_ERROR',
            description: '',
            status: 403,
            method: 'im.dialog.messages.get',
          });
        },
        'im.recent.list': () => ({ items: [] }),
      },
      'ru',
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('ACCESS_ERROR — у вас нет доступа к этому чату.');
    expect(screen.getByText('Нет недавних чатов для отправки.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Отправить' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
