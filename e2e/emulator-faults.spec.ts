/**
 * The emulator's fault switches end to end: the shell's Faults panel (live values, edits, a bad value
 * named), added latency, a short token lifetime that the real im-sidebar survives through `refreshAuth`,
 * and forced 503 QUERY_LIMIT_EXCEEDED answers that its REST client backs off from (or reports in plain
 * words once its retries are used up).
 */
import { expect, type ShellDriver, test } from '@imkit/emulator/fixture';
import type { FrameLocator, Locator } from '@playwright/test';

interface InspectorRow {
  readonly kind: string;
  readonly text: string;
}

/** The inspector's rows, oldest first (it lists the newest on top). */
async function trafficRows(shell: ShellDriver): Promise<InspectorRow[]> {
  const rows = await shell.inspector
    .getByTestId('traffic-entry')
    .evaluateAll((items) =>
      items.map((item) => ({ kind: item.getAttribute('data-kind') ?? '', text: item.textContent ?? '' })),
    );
  return rows.reverse();
}

/** Index of the first row from `from` on that matches, or -1. */
function findRow(rows: readonly InspectorRow[], from: number, kind: string, ...parts: string[]): number {
  for (let i = Math.max(from, 0); i < rows.length; i++) {
    const row = rows[i]!;
    if (row.kind === kind && parts.every((part) => row.text.includes(part))) return i;
  }
  return -1;
}

/** im-sidebar's open-line session panel in chat14, loaded. */
async function openSessionPanel(shell: ShellDriver): Promise<{ app: FrameLocator; session: Locator }> {
  await shell.openChat('chat14');
  const app = await shell.openPlacement('IM_SIDEBAR', 'Chat insights');
  const session = app.getByRole('region', { name: 'Open-line session' });
  await expect(session.getByTestId('crm-binding')).toHaveText('lead #21');
  return { app, session };
}

async function sendCannedMessage(session: Locator): Promise<void> {
  await session.getByRole('radio', { name: /Is there anything else/ }).check();
  await session.getByRole('button', { name: 'Send' }).click();
}

const sendMethod = 'imopenlines.bot.session.message.send';

test('the Faults panel shows the live values, applies edits and names a bad value', async ({
  shell,
  portal,
}) => {
  const { page } = shell;
  await page.getByTestId('faults-toggle').click();
  const panel = page.getByTestId('faults-panel');
  await expect(panel.getByTestId('fault-current-latencyMs')).toHaveText('0');
  await expect(panel.getByTestId('fault-current-fail503Count')).toHaveText('0');
  await expect(panel.getByTestId('fault-current-tokenTtlSeconds')).toHaveText('3600');

  // A change made elsewhere (the private API, a test) shows up live.
  await portal.setFaults({ fail503Count: 2 });
  await expect(panel.getByTestId('fault-current-fail503Count')).toHaveText('2');
  await expect(panel.getByTestId('fault-fail503Count')).toHaveValue('2');

  await panel.getByTestId('fault-tokenTtlSeconds').fill('0');
  await panel.getByTestId('faults-apply').click();
  await expect(panel.getByTestId('faults-error')).toContainText('tokenTtlSeconds');
  await expect(panel.getByTestId('faults-error')).toContainText('from 1 to');
  expect(portal.emulator.runtime.faults.tokenTtlSeconds).toBe(3600);

  await panel.getByTestId('fault-tokenTtlSeconds').fill('90');
  await panel.getByTestId('fault-latencyMs').fill('400');
  await panel.getByTestId('faults-apply').click();
  await expect(panel.getByTestId('faults-error')).toHaveCount(0);
  await expect(panel.getByTestId('fault-current-latencyMs')).toHaveText('400');
  await expect(panel.getByTestId('fault-current-tokenTtlSeconds')).toHaveText('90');
  // Only edited fields are sent: the 503 counter set above is untouched.
  expect(portal.emulator.runtime.faults).toEqual({
    latencyMs: 400,
    fail503Count: 2,
    tokenTtlSeconds: 90,
    operatingMsPerCall: 0,
  });
  expect(portal.emulator.applicationToken(1).expires_in).toBe(90);

  // The switches act on REST: two forced 503s (the counter runs down on screen), each call 400 ms late.
  const started = Date.now();
  await expect(portal.rest('profile')).rejects.toThrow(/503 QUERY_LIMIT_EXCEEDED/);
  expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  await expect(panel.getByTestId('fault-current-fail503Count')).toHaveText('1');
  await expect(portal.rest('profile')).rejects.toThrow(/QUERY_LIMIT_EXCEEDED/);
  await expect(panel.getByTestId('fault-current-fail503Count')).toHaveText('0');
  await expect(portal.rest('profile')).resolves.toMatchObject({ ID: 1 });
});

test('with a 5-second token lifetime, im-sidebar renews its token through refreshAuth and the call succeeds', async ({
  shell,
  portal,
}) => {
  // Long enough for the app to load and for a renewed token to outlive the retry on a busy machine.
  await portal.setFaults({ tokenTtlSeconds: 5 });
  const { session } = await openSessionPanel(shell);

  // Wait until every short-lived token (the frame's, minted at launch) has expired.
  await expect
    .poll(() => {
      const now = Date.now() / 1000;
      return portal.emulator.state.tokens.every((t) => t.expires <= now || t.expires > now + 60);
    })
    .toBe(true);

  await sendCannedMessage(session);
  await expect(session.getByText('The automatic message was sent.')).toBeVisible();
  await expect(
    shell.page.getByTestId('message').filter({ hasText: 'Is there anything else we can help you with?' }),
  ).toBeVisible();

  const rows = await trafficRows(shell);
  const expired = findRow(rows, 0, 'rest', `${sendMethod} → 401`, 'expired_token');
  const refresh = findRow(rows, expired, 'frame-in', 'refreshAuth');
  const retried = findRow(rows, refresh, 'rest', `${sendMethod} → 200`);
  expect(expired, 'an expired_token answer').toBeGreaterThanOrEqual(0);
  expect(refresh, 'then a refreshAuth from the app').toBeGreaterThan(expired);
  expect(retried, 'then the same call again, answered').toBeGreaterThan(refresh);
});

test('two forced 503s: im-sidebar backs off and its call still succeeds', async ({ shell, portal }) => {
  const { session } = await openSessionPanel(shell);
  await portal.setFaults({ fail503Count: 2 });
  await sendCannedMessage(session);
  await expect(session.getByText('The automatic message was sent.')).toBeVisible();
  expect(portal.emulator.runtime.faults.fail503Count).toBe(0);

  const rows = await trafficRows(shell);
  const first = findRow(rows, 0, 'rest', `${sendMethod} → 503`, 'QUERY_LIMIT_EXCEEDED');
  const second = findRow(rows, first + 1, 'rest', `${sendMethod} → 503`, 'QUERY_LIMIT_EXCEEDED');
  const answered = findRow(rows, second, 'rest', `${sendMethod} → 200`);
  expect(first).toBeGreaterThanOrEqual(0);
  expect(second).toBeGreaterThan(first);
  expect(answered).toBeGreaterThan(second);
});

test('more forced 503s than the client retries: im-sidebar says QUERY_LIMIT_EXCEEDED in plain words', async ({
  shell,
  portal,
}) => {
  const { session } = await openSessionPanel(shell);
  // The frame's REST client tries once and retries 3 times.
  await portal.setFaults({ fail503Count: 4 });
  await sendCannedMessage(session);
  await expect(session.getByRole('alert')).toContainText('QUERY_LIMIT_EXCEEDED');
  await expect(session.getByRole('alert')).toContainText('too many requests');
  expect(portal.emulator.runtime.faults.fail503Count).toBe(0);
  const rows = await trafficRows(shell);
  expect(rows.filter((row) => row.text.includes(`${sendMethod} → 503`))).toHaveLength(4);
  expect(rows.filter((row) => row.text.includes(`${sendMethod} → 200`))).toHaveLength(0);
});
