/** im-sidebar in the emulated portal, in Chromium: the built app is launched and greets the user. */
import { expect, test } from '@imkit/emulator/fixture';

test('im-sidebar opens in the chat and greets the current user', async ({ shell }) => {
  await shell.openChat('chat12');
  const app = await shell.openPlacement('IM_SIDEBAR', 'My IM_SIDEBAR app');
  await expect(app.locator('#app')).toContainText('Hello, user 1! This is IM_SIDEBAR.');
});
