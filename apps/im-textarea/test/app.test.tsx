import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../src/components/App.js';
import { denied, textareaFrame } from './fixtures.js';

afterEach(cleanup);

describe('quick replies', () => {
  it('previews templates with the dialog filled in and inserts one into the input', async () => {
    const frame = textareaFrame({ dialogId: '2', textarea: 'x ' });
    render(<App frame={frame} />);
    await screen.findByText('Hello, Boris!');
    fireEvent.click(screen.getByRole('button', { name: 'Insert “Greeting” at the cursor' }));
    await screen.findByText('Put “Greeting” into the message.');
    expect(frame.textareaContent).toBe('x Hello, Boris!');
    fireEvent.click(screen.getByRole('button', { name: 'Replace the message with “Greeting”' }));
    await waitFor(() => expect(frame.textareaContent).toBe('Hello, Boris!'));
  });

  it('adds an own template that is kept in the user options', async () => {
    const frame = textareaFrame();
    render(<App frame={frame} />);
    expect(screen.getByText('No templates of your own yet — add one below.')).toBeTruthy();
    fireEvent.input(screen.getByRole('textbox', { name: 'Title' }), { target: { value: 'Ping' } });
    fireEvent.input(screen.getByRole('textbox', { name: /^Text/ }), { target: { value: 'Ping {chat}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    await screen.findByText('Saved. Your templates stay after a reload.');
    await screen.findByText('Ping Product launch');
    expect(frame.context.userOptions.quickReplyTemplates).toContain('Ping {chat}');
  });

  it('reads the current message', async () => {
    render(<App frame={textareaFrame({ textarea: 'typed so far' })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Read the message' }));
    expect((await screen.findByTestId('current-input')).textContent).toBe('typed so far');
  });

  it('explains a failed dialog read in Russian, keeping the variables visible', async () => {
    const frame = textareaFrame({ lang: 'ru', rest: { 'im.dialog.get': () => denied('im.dialog.get') } });
    render(<App frame={frame} />);
    const alert = await screen.findByText('Часть данных не прочиталась; их переменные останутся как есть.');
    expect(alert).toBeTruthy();
    expect(screen.getByText('ACCESS_ERROR — у вас нет доступа к этому чату.')).toBeTruthy();
    expect(screen.getByText('{recipient}, напоминаю про «{chat}»: есть новости?')).toBeTruthy();
  });
});
