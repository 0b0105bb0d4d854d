/**
 * im-smiles-selector in the emulator: the sticker pack opens as a tab of the smiley selector, sends a
 * sticker as an image ATTACH message whose link the app serves itself, inserts an emoji into the input
 * and remembers both as recently used across a relaunch.
 */
import { expect, test } from '@imkit/emulator/fixture';

interface HistoryMessage {
  readonly id: number;
  readonly text: string;
  readonly params: { ATTACH?: unknown } | null;
}

test('sends a sticker as an image message linked to the app’s own SVG', async ({ shell, portal }) => {
  const { page } = shell;
  await shell.openChat('chat12');
  const before = await page.getByTestId('message').count();
  const app = await shell.openPlacement('IM_SMILES_SELECTOR', 'Sticker pack');
  await app.getByRole('tab', { name: 'Work' }).click();
  await app.getByRole('button', { name: 'Send sticker “Launch”' }).click();
  await expect(app.getByText('Sent “Launch”.')).toBeVisible();
  await expect(page.getByTestId('message')).toHaveCount(before + 1);

  const history = await portal.rest<{ messages: HistoryMessage[] }>('im.dialog.messages.get', {
    DIALOG_ID: 'chat12',
  });
  const attach = JSON.stringify(history.messages[0]?.params?.ATTACH);
  const link = `${portal.appsUrl}im-smiles-selector/stickers/rocket.svg`;
  expect(attach).toContain(`"LINK":"${link}"`);
  expect(attach).toContain('"NAME":"Launch"');

  const image = await page.request.get(link);
  expect(image.status()).toBe(200);
  expect(await image.text()).toContain('<svg');
});

test('inserts an emoji and remembers recent picks after a relaunch', async ({ shell }) => {
  const { page } = shell;
  await shell.openChat('2');
  let app = await shell.openPlacement('IM_SMILES_SELECTOR', 'Sticker pack');
  await app.getByRole('searchbox').fill('thank');
  await app.getByRole('button', { name: 'Insert thank you' }).click();
  await expect(app.getByText('Inserted 🙏 into the message.')).toBeVisible();
  await expect(page.getByTestId('message-input')).toHaveValue('🙏');

  await page.getByTestId('smiley-selector').getByRole('button', { name: 'Smileys', exact: true }).click();
  app = await shell.openPlacement('IM_SMILES_SELECTOR', 'Sticker pack');
  await expect(app.getByRole('tab', { name: 'Recent' })).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByRole('button', { name: 'Insert thank you' })).toBeVisible();
});
