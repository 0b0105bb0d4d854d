/**
 * The install flow in the shell: bound apps stay hidden until the install page calls installFinish;
 * "Install app" opens the install page (placement DEFAULT) full-size.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@imkit/emulator/fixture';

const installBuilt = existsSync(fileURLToPath(new URL('../apps/install/dist/index.html', import.meta.url)));

test.use({ installed: false });

test('apps appear only after the install page finishes the install', async ({ shell }) => {
  test.skip(!installBuilt, 'apps/install is not built (pnpm build)');
  const { page } = shell;
  await shell.openChat('chat12');
  await expect(page.getByTestId('install-app')).toBeVisible();
  await expect(page.getByTestId('sidebar-app')).toHaveCount(0);
  await expect(page.getByTestId('textarea-app')).toHaveCount(0);
  await expect(page.getByTestId('nav-app')).toHaveCount(0);

  await page.getByTestId('install-app').click();
  await expect(page.getByTestId('install-page')).toBeVisible();
  await expect(page.locator('iframe[data-placement="DEFAULT"]')).toBeAttached();

  await expect(page.getByTestId('install-state')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('install-page')).toHaveCount(0);
  await expect(page.getByTestId('sidebar-app').first()).toBeVisible();
  await expect(
    shell.inspector.locator('[data-kind="frame-in"]').filter({ hasText: 'setInstallFinish' }),
  ).toBeVisible();
});
