/**
 * im-textarea in the emulator: quick replies open above the message input of a private dialog, fill the
 * template variables from the dialog, insert and replace text in the chat's input, and keep the user's
 * own templates across a relaunch (host user options).
 */
import { expect, test } from '@imkit/emulator/fixture';

test('inserts and replaces a filled template in the message input', async ({ shell }) => {
  const { page } = shell;
  await shell.openChat('2');
  await page.getByTestId('message-input').fill('Note: ');
  const app = await shell.openPlacement('IM_TEXTAREA', 'Quick replies');
  await expect(app.getByText('Hello, Boris!', { exact: true })).toBeVisible();

  await app.getByRole('button', { name: 'Insert “Greeting” at the cursor' }).click();
  await expect(app.getByText('Put “Greeting” into the message.')).toBeVisible();
  await expect(page.getByTestId('message-input')).toHaveValue(/Note: ?Hello, Boris!/);

  await app.getByRole('button', { name: 'Replace the message with “Thanks”' }).click();
  await expect(page.getByTestId('message-input')).toHaveValue('Thank you, Boris! Best regards, Anna');

  await app.getByRole('button', { name: 'Read the message' }).click();
  await expect(app.getByTestId('current-input')).toHaveText('Thank you, Boris! Best regards, Anna');
});

test('keeps the user’s own template after the app is opened again', async ({ shell }) => {
  const { page } = shell;
  // The popup grows upwards from the input; without the traffic inspector its title bar stays on screen.
  await page.getByRole('button', { name: 'Inspector' }).click();
  await shell.openChat('chat12');
  let app = await shell.openPlacement('IM_TEXTAREA', 'Quick replies');
  await app.getByRole('textbox', { name: 'Title' }).fill('Standup');
  await app.getByRole('textbox', { name: /^Text/ }).fill('Standup in {chat} in 5 minutes');
  await app.getByRole('button', { name: 'Save template' }).click();
  await expect(app.getByText('Saved. Your templates stay after a reload.')).toBeVisible();
  await expect(app.getByText('Standup in Product launch in 5 minutes')).toBeVisible();

  await page.getByTestId('textarea-popup').getByTitle('Close').click();
  await expect(page.getByTestId('textarea-popup')).toHaveCount(0);
  app = await shell.openPlacement('IM_TEXTAREA', 'Quick replies');
  await expect(app.getByText('Standup in Product launch in 5 minutes')).toBeVisible();
  await app.getByRole('button', { name: 'Insert “Standup” at the cursor' }).click();
  await expect(page.getByTestId('message-input')).toHaveValue('Standup in Product launch in 5 minutes');
});
