/**
 * The shell's Reset button: a confirm step, then `POST /emulator/api/reset` gives a clean portal (the
 * seed's messages, user, no bindings, default fault switches) and the shell shows it without a reload.
 */
import { expect, test } from '@imkit/emulator/fixture';

test('Reset asks first, then brings the portal and the shell back to the seed', async ({ shell, portal }) => {
  const { page } = shell;
  await shell.openChat('chat12');
  await page.getByTestId('message-input').fill('Written before the reset');
  await page.getByTestId('send-button').click();
  const written = page.getByTestId('message').filter({ hasText: 'Written before the reset' });
  await expect(written).toBeVisible();
  const app = await shell.openPlacement('IM_SIDEBAR', 'Chat insights');
  await expect(app.getByRole('heading', { name: 'Product launch' })).toBeVisible();
  await shell.switchUser(2);
  await shell.openChat('chat12');
  // Set once no app is open, so no REST call uses up a forced 503 before the checks below.
  await expect(page.locator('iframe[data-testid="app-frame"]')).toHaveCount(0);
  await portal.setFaults({ latencyMs: 25, fail503Count: 7 });

  // Cancel leaves everything as it was.
  await page.getByTestId('reset-portal').click();
  const confirm = page.getByTestId('reset-confirm');
  await expect(confirm).toContainText('Reset the portal?');
  await page.getByTestId('reset-confirm-no').click();
  await expect(confirm).toHaveCount(0);
  await expect(written).toBeVisible();
  expect(portal.emulator.runtime.faults.fail503Count).toBe(7);
  expect(portal.emulator.state.bindings.length).toBeGreaterThan(0);

  await page.getByTestId('reset-portal').click();
  await page.getByTestId('reset-confirm-yes').click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('current-user')).toHaveText('1');
  await expect(page.getByTestId('dialog')).toHaveAttribute('data-dialog-id', /.+/);
  await shell.openChat('chat12');
  await expect(
    page.getByTestId('message').filter({ hasText: 'Support FAQ will be ready on Friday.' }),
  ).toBeVisible();
  await expect(written).toHaveCount(0);
  await expect(page.getByTestId('sidebar-app')).toHaveCount(0);
  await expect(page.locator('iframe[data-testid="app-frame"]')).toHaveCount(0);

  await page.getByTestId('faults-toggle').click();
  await expect(page.getByTestId('fault-current-latencyMs')).toHaveText('0');
  await expect(page.getByTestId('fault-current-fail503Count')).toHaveText('0');
  expect(portal.emulator.runtime.faults).toEqual({
    latencyMs: 0,
    fail503Count: 0,
    tokenTtlSeconds: 3600,
    operatingMsPerCall: 0,
  });
  expect(portal.emulator.state.bindings).toEqual([]);
  expect(portal.emulator.state.messages.some((m) => m.text === 'Written before the reset')).toBe(false);
});
