/**
 * Legacy chat apps (imbot.app.register IFRAME) in the shell: the init handshake on every load, the
 * actions the host acts on, and messages with a stale uniqueLoadId being rejected.
 */
import { fileURLToPath } from 'node:url';
import { expect, test } from '@imkit/emulator/fixture';
import type { Frame, Page } from '@playwright/test';

const legacyDir = fileURLToPath(new URL('./fixtures/legacy-page/', import.meta.url));

test.use({ testPages: { 'legacy-page': legacyDir } });

async function legacyFrame(page: Page): Promise<Frame> {
  const frame = await (await page.getByTestId('legacy-frame').elementHandle())?.contentFrame();
  if (!frame) throw new Error('no legacy frame');
  return frame;
}

test('a legacy chat app gets its init on every load and its actions are carried out', async ({
  shell,
  portal,
}) => {
  const { page } = shell;
  await portal.rest('imbot.app.register', {
    BOT_ID: 5,
    CODE: 'echo',
    IFRAME: `${portal.appsUrl}legacy-page/`,
    HASH: 'legacy-secret',
    CONTEXT: 'ALL',
    LANG: [{ LANGUAGE_ID: 'en', TITLE: 'Legacy echo' }],
  });
  await shell.openChat('chat12');
  await expect(page.getByTestId('legacy-apps')).toContainText('old messenger');
  await page.getByTestId('legacy-app').filter({ hasText: 'Legacy echo' }).click();

  const frameLocator = page.frameLocator('[data-testid="legacy-frame"]');
  await expect(frameLocator.getByTestId('init')).toContainText('"action":"init"');
  let frame = await legacyFrame(page);
  const first = await frame.evaluate(() => window.legacy.inits[0]);
  expect(first).toEqual({
    action: 'init',
    domain: portal.origin,
    uniqueLoadId: expect.stringMatching(/^\d+$/),
  });
  expect(await frame.evaluate(() => new URL(location.href).searchParams.get('DIALOG_ID'))).toBe('chat12');

  await frame.evaluate(() => window.legacy.post({ action: 'put', message: 'from legacy' }));
  await expect(page.getByTestId('message-input')).toHaveValue('from legacy');
  await frame.evaluate(() => window.legacy.post({ action: 'send', message: 'legacy says hi' }));
  await expect(page.getByTestId('message').filter({ hasText: 'legacy says hi' })).toBeVisible();

  await frame.evaluate(() => location.reload());
  // The old document's init may still be on screen until the reload lands: wait for the new one.
  await expect(frameLocator.getByTestId('init')).not.toContainText(String(first?.uniqueLoadId));
  await expect(frameLocator.getByTestId('init')).toContainText('"action":"init"');
  frame = await legacyFrame(page);
  const second = await frame.evaluate(() => window.legacy.inits[0]);
  expect(second?.uniqueLoadId).not.toBe(first?.uniqueLoadId);

  await frame.evaluate(
    (stale) => window.legacy.post({ action: 'put', message: ' stale' }, stale),
    first?.uniqueLoadId,
  );
  await expect(
    shell.inspector
      .locator('[data-kind="legacy-rejected"]')
      .filter({ hasText: 'uniqueLoadId is not the current one' }),
  ).toBeVisible();
  await expect(page.getByTestId('message-input')).toHaveValue('from legacy');

  await frame.evaluate(() => window.legacy.post({ action: 'close' }));
  await expect(page.getByTestId('legacy-frame')).toHaveCount(0);
});
