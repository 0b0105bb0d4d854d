import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../src/components/App.js';
import { stickerBase, stickerFrame } from './fixtures.js';

afterEach(cleanup);

describe('sticker pack', () => {
  it('sends a sticker from a category tab', async () => {
    const frame = stickerFrame();
    render(<App frame={frame} stickerBase={stickerBase} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Work' }));
    const button = screen.getByRole('button', { name: 'Send sticker “Launch”' });
    expect(button.querySelector('img')?.getAttribute('src')).toBe(`${stickerBase}rocket.svg`);
    fireEvent.click(button);
    expect((await screen.findByText('Sent “Launch”.')).getAttribute('role')).toBe('status');
    fireEvent.click(screen.getByRole('tab', { name: 'Recent' }));
    expect(screen.getByRole('button', { name: 'Send sticker “Launch”' })).toBeTruthy();
  });

  it('searches across the pack and inserts an emoji', async () => {
    const frame = stickerFrame();
    render(<App frame={frame} stickerBase={stickerBase} />);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'coffee' } });
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(screen.getByRole('button', { name: 'Send sticker “Coffee break”' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Insert coffee' }));
    await screen.findByText('Inserted ☕ into the message.');
    expect(frame.textareaContent).toBe('☕');
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'zzz' } });
    expect(screen.getByText('Nothing matches “zzz”.')).toBeTruthy();
  });

  it('explains a failed send in Russian', async () => {
    const frame = stickerFrame({
      lang: 'ru',
      rest: {
        'im.message.add': () => Promise.reject(Object.assign(new Error('x'), { code: 'ACCESS_ERROR' })),
      },
    });
    render(<App frame={frame} stickerBase={stickerBase} />);
    fireEvent.click(screen.getByRole('button', { name: 'Отправить стикер «Улыбка»' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'ACCESS_ERROR — у вас нет доступа к этому чату.',
    );
  });

  it('opens on the recent tab once something was used, with an empty hint before', () => {
    render(
      <App
        frame={stickerFrame({ userOptions: { recentStickers: '["s:star"]' } })}
        stickerBase={stickerBase}
      />,
    );
    expect(screen.getByRole('tab', { name: 'Recent' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('button', { name: 'Send sticker “Star”' })).toBeTruthy();
    cleanup();
    render(<App frame={stickerFrame()} stickerBase={stickerBase} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Recent' }));
    expect(screen.getByText('Stickers and emoji you use will show up here.')).toBeTruthy();
  });
});
