/**
 * im-sidebar in the emulator: chat insights in a group chat (participants, messages per author, shared
 * links, and a link a user has just shared), and the open-line session panel in an open-line chat
 * (CRM binding, a canned automatic message, a refused transfer and one to an operator chosen in the
 * host's user picker, finishing the session), whose effects show up in the chat.
 */
import { expect, test } from '@imkit/emulator/fixture';

test('shows participants, messages per author and shared links of a group chat', async ({ shell }) => {
  const { page } = shell;
  await shell.openChat('chat12');
  await page.getByTestId('message-input').fill('Final deck: https://slides.example.com/launch');
  await page.getByTestId('send-button').click();
  await expect(page.getByTestId('message').filter({ hasText: 'slides.example.com' })).toBeVisible();

  const app = await shell.openPlacement('IM_SIDEBAR', 'Chat insights');
  await expect(app.getByRole('heading', { name: 'Product launch' })).toBeVisible();
  const authors = app.getByRole('region', { name: 'Messages per author' });
  await expect(authors.locator('li')).toHaveCount(4);
  await expect(authors.locator('li').first()).toContainText('Anna Admin');
  await expect(authors.locator('li').first()).toContainText('2');
  await expect(app.getByRole('region', { name: /Participants/ })).toContainText('Erik Extern');
  const links = app.getByRole('region', { name: /Links shared/ });
  await expect(links.getByRole('link')).toHaveCount(5);
  await expect(links.getByRole('link').first()).toHaveText('https://slides.example.com/launch');
  await expect(links.getByRole('link', { name: 'https://docs.example.com/launch-plan' })).toBeVisible();
  await expect(app.getByRole('region', { name: 'Open-line session' })).toHaveCount(0);

  const frame = await shell.frameHandle('IM_SIDEBAR');
  const layout = await frame.evaluate(() => ({
    width: document.documentElement.clientWidth,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  expect(layout.width).toBeLessThanOrEqual(320);
  expect(layout.overflow).toBe(0);
});

test('runs an open-line session: canned message, transfer, finish', async ({ shell, portal }) => {
  const { page } = shell;
  await shell.openChat('chat14');
  const app = await shell.openPlacement('IM_SIDEBAR', 'Chat insights');
  const session = app.getByRole('region', { name: 'Open-line session' });
  await expect(session.getByTestId('crm-binding')).toHaveText('lead #21');

  await session.getByRole('radio', { name: /Is there anything else/ }).check();
  await session.getByRole('button', { name: 'Send' }).click();
  await expect(session.getByText('The automatic message was sent.')).toBeVisible();
  await expect(
    page.getByTestId('message').filter({ hasText: 'Is there anything else we can help you with?' }),
  ).toBeVisible();

  await session.getByRole('textbox', { name: 'Id' }).fill('4');
  await session.getByRole('button', { name: 'Transfer' }).click();
  await expect(session.getByRole('alert')).toContainText('WRONG_CHAT — ');

  await session.getByRole('button', { name: 'Choose…' }).click();
  await page.getByTestId('user-picker').locator('[data-testid="pick-user"][data-user-id="2"]').click();
  await expect(session.getByRole('textbox', { name: 'Id' })).toHaveValue('2');
  await session.getByRole('button', { name: 'Transfer' }).click();
  await expect(session.getByText('The session was transferred.')).toBeVisible();
  await expect(
    page.getByTestId('message').filter({ hasText: 'The conversation was transferred to Boris Berg' }),
  ).toBeVisible();

  await session.getByRole('button', { name: 'Finish the session' }).click();
  await session.getByRole('button', { name: 'Yes, finish' }).click();
  await expect(session.getByText('The session was finished.')).toBeVisible();
  await expect(page.getByTestId('message').filter({ hasText: 'The conversation was closed' })).toBeVisible();

  const history = await portal.rest<{ messages: { text: string }[] }>('im.dialog.messages.get', {
    DIALOG_ID: 'chat14',
  });
  expect(history.messages[0]?.text).toBe('The conversation was closed');
});
