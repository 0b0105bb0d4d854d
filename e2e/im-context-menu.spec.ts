/**
 * im-context-menu in the emulator: "Create using → Follow-up" on a message opens the app in the side
 * slider, shows the message, posts a follow-up that quotes it (ATTACH) to another chat, and closes the
 * slider; in a CRM-bound open line it posts through imopenlines.crm.message.add. The slider is never
 * asked to resize.
 */
import { expect, test } from '@imkit/emulator/fixture';

test('posts a follow-up quoting the message to another chat and closes the slider', async ({
  shell,
  portal,
}) => {
  const { page } = shell;
  await shell.openChat('chat12');
  const app = await shell.openPlacement('IM_CONTEXT_MENU', 'Follow-up');
  const quote = app.getByRole('figure', { name: 'Message' });
  await expect(quote).toContainText('Erik Extern');
  await expect(quote).toContainText('I can help with the banners');
  await expect(app.getByRole('radio', { name: /Product launch/ })).toBeChecked();

  await app.getByRole('radio', { name: /Boris Berg/ }).check();
  await app.getByRole('textbox', { name: 'Note' }).fill('Banners: who owns this?');
  await app.getByRole('button', { name: 'Post follow-up' }).click();
  await expect(page.getByTestId('slider')).toHaveCount(0);

  await shell.openChat('2');
  await expect(page.getByTestId('message').filter({ hasText: 'Banners: who owns this?' })).toBeVisible();
  const history = await portal.rest<{ messages: { text: string; params: Record<string, unknown> | null }[] }>(
    'im.dialog.messages.get',
    { DIALOG_ID: '2' },
  );
  const posted = history.messages[0];
  expect(posted?.text).toBe('Banners: who owns this?');
  const attach = JSON.stringify(posted?.params?.ATTACH);
  expect(attach).toContain('I can help with the banners');
  expect(attach).toContain('IM_DIALOG=chat12&IM_MESSAGE=104');
  await expect(shell.inspector.getByText(/resizeWindow/)).toHaveCount(0);
});

test('posts into a CRM-bound open line through imopenlines.crm.message.add', async ({ shell }) => {
  const { page } = shell;
  await shell.openChat('chat14');
  const app = await shell.openPlacement('IM_CONTEXT_MENU', 'Follow-up');
  await expect(app.getByRole('figure', { name: 'Message' })).toContainText('Chloe Chen');
  await expect(app.getByRole('radio', { name: /Grace Guest/ })).toBeChecked();
  await app.getByRole('checkbox', { name: /through CRM \(lead #21\)/ }).check();
  await app.getByRole('textbox', { name: 'Note' }).fill('Delivery follow-up for the lead');
  await app.getByRole('button', { name: 'Post follow-up' }).click();
  await expect(page.getByTestId('slider')).toHaveCount(0);
  await expect(
    page.getByTestId('message').filter({ hasText: 'Delivery follow-up for the lead' }),
  ).toBeVisible();
  await expect(
    shell.inspector.getByTestId('traffic-entry').filter({ hasText: 'imopenlines.crm.message.add' }),
  ).not.toHaveCount(0);
});

test('fits a slider about 320 px wide without horizontal scrolling', async ({ shell }) => {
  await shell.openChat('chat14');
  const app = await shell.openPlacement('IM_CONTEXT_MENU', 'Follow-up');
  await expect(app.getByRole('figure', { name: 'Message' })).toBeVisible();
  await shell.page.setViewportSize({ width: 460, height: 800 });
  const frame = await shell.frameHandle('IM_CONTEXT_MENU');
  await expect
    .poll(() => frame.evaluate(() => document.documentElement.clientWidth))
    .toBeLessThanOrEqual(330);
  const overflow = await frame.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  await expect(app.getByRole('button', { name: 'Post follow-up' })).toBeVisible();
});
