/**
 * im-navigation in the emulator: the dashboard opens from the left menu, lists the user's recent chats,
 * filters them, opens one in the messenger and broadcasts one message to two chats in one batch request.
 */
import { expect, test } from '@imkit/emulator/fixture';

test('lists recent chats, filters them and opens one in the messenger', async ({ shell }) => {
  const app = await shell.openPlacement('IM_NAVIGATION', 'Chat dashboard');
  const rows = app.locator('li[data-dialog-id]');
  await expect(rows).toHaveCount(5);
  await expect(app.locator('li[data-dialog-id="chat12"]')).toContainText('Product launch');
  await expect(app.locator('li[data-dialog-id="2"]')).toContainText('Thanks!');

  await app.getByRole('searchbox').fill('furniture');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-dialog-id', 'chat16');

  await app.getByRole('button', { name: 'Open: Deal #7: Office furniture' }).click();
  const command = shell.inspector.locator('[data-kind="frame-in"]').filter({ hasText: 'imOpenMessenger' });
  await expect(command).toContainText('"dialogId":"chat16"');
  // The host leaves the app and shows the chat, as the messenger does.
  await expect(shell.page.getByTestId('dialog')).toHaveAttribute('data-dialog-id', 'chat16');
});

test('broadcasts one message to two chats in one batch and shows each result', async ({ shell, portal }) => {
  const restCalls: string[] = [];
  shell.page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/rest/')) restCalls.push(path);
  });
  const app = await shell.openPlacement('IM_NAVIGATION', 'Chat dashboard');
  // The traffic inspector covers the bottom of the page; the composer sits there.
  await shell.page.getByRole('button', { name: 'Inspector' }).click();
  await app.getByRole('checkbox', { name: 'Select Product launch' }).check();
  await app.getByRole('checkbox', { name: 'Select Boris Berg' }).check();
  await expect(app.getByText('2 of 50 chats selected')).toBeVisible();
  await app.getByRole('textbox', { name: 'Message' }).fill('Release notes are out');
  await app.getByRole('button', { name: 'Send to selected (2)' }).click();

  const results = app.getByRole('status', { name: 'Sent to 2 of 2 chats' });
  await expect(results).toBeVisible();
  await expect(results.locator('li')).toHaveCount(2);
  await expect(results.getByText(/sent, message #\d+/)).toHaveCount(2);

  expect(restCalls.filter((path) => /^\/rest\/batch/.test(path))).toHaveLength(1);
  expect(restCalls.filter((path) => path.includes('im.message.add'))).toEqual([]);

  await shell.page.getByRole('navigation').getByRole('button', { name: 'Chats' }).click();
  await shell.openChat('chat12');
  await expect(shell.page.getByTestId('message').filter({ hasText: 'Release notes are out' })).toBeVisible();
  await shell.openChat('2');
  await expect(shell.page.getByTestId('message').filter({ hasText: 'Release notes are out' })).toBeVisible();

  const history = await portal.rest<{ messages: { text: string; author_id: number }[] }>(
    'im.dialog.messages.get',
    { DIALOG_ID: 'chat12' },
  );
  expect(history.messages[0]).toMatchObject({ text: 'Release notes are out', author_id: 1 });
});
