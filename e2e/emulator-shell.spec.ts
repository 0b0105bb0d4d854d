/**
 * The emulator shell end to end: layout and live messages, the official SDK's handshake against the
 * host side, origin/source checks, visibility per user, the chat textarea commands, events and resize.
 */
import { fileURLToPath } from 'node:url';
import { expect, test } from '@imkit/emulator/fixture';
import type { PlacementCode, PlacementDeclaration } from '@imkit/frame/placements';

const probeDir = fileURLToPath(new URL('./fixtures/b24jssdk-page/', import.meta.url));
const foreignOrigin = 'http://foreign.imkit.test';

function probe(
  placement: PlacementCode,
  title: string,
  options: Record<string, string>,
  query = '',
): PlacementDeclaration {
  return {
    placement,
    handler: `b24jssdk-page/${query}`,
    title: { en: title },
    options,
  } as PlacementDeclaration;
}

test.use({
  testPages: { 'b24jssdk-page': probeDir },
  extraPlacements: {
    sidebar: probe('IM_SIDEBAR', 'SDK probe', { iconName: 'fa-flask', color: 'PURPLE' }),
    textarea: probe('IM_TEXTAREA', 'SDK probe', { iconName: 'fa-flask', color: 'GREEN' }),
    contextMenu: probe('IM_CONTEXT_MENU', 'SDK probe', {}),
    adminNavigation: probe(
      'IM_NAVIGATION',
      'Admin probe',
      { iconName: 'fa-lock', role: 'ADMIN' },
      '?admin=Y',
    ),
  },
});

test('the shell renders chats, messages, app slots and live messages', async ({ shell, portal }) => {
  const { page } = shell;
  await expect(page.getByTestId('chat-item')).toHaveCount(5);
  await shell.openChat('chat12');
  await expect(page.getByTestId('dialog-title')).toHaveText('Product launch');
  await expect(
    page.getByTestId('message').filter({ hasText: 'Support FAQ will be ready on Friday.' }),
  ).toBeVisible();
  await expect(page.getByTestId('sidebar-app').filter({ hasText: 'SDK probe' })).toBeVisible();
  await expect(page.getByTestId('textarea-app').filter({ hasText: 'SDK probe' })).toBeVisible();
  await expect(page.getByTestId('nav-app').filter({ hasText: 'Admin probe' })).toBeVisible();
  await expect(page.locator('.fa-lock')).toBeVisible();

  await portal.rest('im.message.add', { DIALOG_ID: 'chat12', MESSAGE: 'Sent through REST' }, 2);
  await expect(page.getByTestId('message').filter({ hasText: 'Sent through REST' })).toBeVisible();
  await expect(
    shell.inspector.locator('[data-kind="rest"]').filter({ hasText: 'im.message.add' }),
  ).toBeVisible();

  await page.getByTestId('message-input').fill('Typed in the shell');
  await page.getByTestId('message-input').press('Enter');
  await expect(page.getByTestId('message').filter({ hasText: 'Typed in the shell' })).toBeVisible();
  await expect(page.getByTestId('message-input')).toHaveValue('');
});

test('the official SDK completes its handshake and calls REST', async ({ shell }) => {
  await shell.openChat('chat12');
  const frame = await shell.openPlacement('IM_SIDEBAR', 'SDK probe');
  await expect(frame.getByTestId('status')).toHaveText('ready');
  await expect(frame.getByTestId('user')).toHaveText('1 Anna Admin');
  await expect(frame.getByTestId('placement')).toContainText('IM_SIDEBAR {"dialogId":"chat12"}');
  await expect(
    shell.inspector.locator('[data-kind="frame-out"]').filter({ hasText: 'getInitData' }),
  ).toBeVisible();
  await expect(
    shell.inspector.locator('[data-kind="rest"]').filter({ hasText: 'user.current' }),
  ).toBeVisible();
});

test('messages from a foreign origin or a window the shell did not open are ignored and shown as rejected', async ({
  shell,
}) => {
  const { page } = shell;
  await page.route(`${foreignOrigin}/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><p id="out">waiting</p><script>
        const sid = window.name.split('|')[2];
        addEventListener('message', (e) => { document.getElementById('out').textContent = 'replied ' + e.data; });
        parent.postMessage('getInitData:foreign1:' + sid, '*');
      </script>`,
    }),
  );
  await shell.openChat('chat12');
  const frame = await shell.openPlacement('IM_SIDEBAR', 'SDK probe');
  await expect(frame.getByTestId('status')).toHaveText('ready');

  // The opened frame navigates to a foreign origin and posts with the right appSid.
  const handle = await shell.frameHandle('IM_SIDEBAR');
  await handle.evaluate((url) => {
    location.href = url;
  }, `${foreignOrigin}/spoof.html`);
  await expect(
    shell.inspector.locator('[data-kind="frame-rejected"]').filter({ hasText: 'is not the handler origin' }),
  ).toBeVisible();

  // A window the shell never opened posts a well-formed command with the real appSid.
  const appSid = await page.locator('iframe[data-placement="IM_SIDEBAR"]').getAttribute('data-app-sid');
  await page.evaluate(
    ({ url, sid }) => {
      const iframe = document.createElement('iframe');
      iframe.name = `intruder|0|${sid}`;
      iframe.src = url;
      document.body.append(iframe);
    },
    { url: `${foreignOrigin}/intruder.html`, sid: appSid ?? '' },
  );
  await expect(
    shell.inspector
      .locator('[data-kind="frame-rejected"]')
      .filter({ hasText: 'not a frame the shell opened' }),
  ).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.frameLocator('iframe[name^="intruder"]').locator('#out')).toHaveText('waiting');
  await expect(shell.frameOf('IM_SIDEBAR').locator('#out')).toHaveText('waiting');
  await expect(
    shell.inspector.locator('[data-kind="frame-out"]').filter({ hasText: 'foreign1' }),
  ).toHaveCount(0);
});

test('switching the user hides admin-only and non-extranet apps', async ({ shell }) => {
  const { page } = shell;
  await shell.openChat('chat12');
  await expect(page.getByTestId('nav-app').filter({ hasText: 'Admin probe' })).toBeVisible();

  await shell.switchUser(2);
  await expect(page.getByTestId('nav-app').filter({ hasText: 'Admin probe' })).toHaveCount(0);
  await shell.openChat('chat12');
  await expect(page.getByTestId('sidebar-app').filter({ hasText: 'SDK probe' })).toBeVisible();

  await shell.switchUser(4);
  await shell.openChat('chat12');
  await expect(page.getByTestId('sidebar-app')).toHaveCount(0);
  await expect(page.getByTestId('textarea-app')).toHaveCount(0);
});

test("the chat textarea is read and written through the SDK's own messages", async ({ shell }) => {
  const { page } = shell;
  await shell.openChat('chat12');
  await page.getByTestId('message-input').fill('Hello');
  await shell.openPlacement('IM_TEXTAREA', 'SDK probe');
  await expect(shell.frameOf('IM_TEXTAREA').getByTestId('status')).toHaveText('ready');
  const frame = await shell.frameHandle('IM_TEXTAREA');

  const read = await frame.evaluate(() =>
    window.probe.sdkCall?.('im:getImTextareaContent', { requestId: 'r1' }),
  );
  expect(read).toEqual({ text: 'Hello', requestId: 'r1' });

  const written = await frame.evaluate(() =>
    window.probe.sdkCall?.('im:setImTextareaContent', { text: 'World', withNewLine: true, requestId: 'r2' }),
  );
  expect(written).toEqual({ text: 'Hello\nWorld', requestId: 'r2' });
  await expect(page.getByTestId('message-input')).toHaveValue('Hello\nWorld');

  await frame.evaluate(() =>
    window.probe.sdkCall?.('im:setImTextareaContent', { text: 'Only', replace: true, requestId: 'r3' }),
  );
  await expect(page.getByTestId('message-input')).toHaveValue('Only');
});

// HOST-PROTOCOL.md §4: a portal's IM placements report no events (getInterface → event: []).
test('placementBindEvent is never answered by default, as on a portal, and the inspector says why', async ({
  shell,
}) => {
  const { page } = shell;
  await shell.openChat('chat12');
  await shell.openPlacement('IM_TEXTAREA', 'SDK probe');
  await expect(shell.frameOf('IM_TEXTAREA').getByTestId('status')).toHaveText('ready');
  await expect(
    shell.inspector.getByText(/no reply: a portal's IM placements report no events/),
  ).toBeVisible();
  const popup = await shell.frameHandle('IM_TEXTAREA');
  await page.getByTestId('message-input').fill('No event please');
  await page.getByTestId('message-input').press('Enter');
  await expect(page.getByTestId('message').filter({ hasText: 'No event please' })).toBeVisible();
  // Replies to one frame arrive in order: an event posted for that message would precede this answer.
  expect(await popup.evaluate(() => window.probe.send('getInterface'))).toBe('{"command":[],"event":[]}');
  expect(await popup.evaluate(() => JSON.stringify(window.probe.events ?? []))).toBe('[]');
});

test.describe('with the placementEvents development aid', () => {
  test.use({ devAids: { placementEvents: true } });

  test('placementBindEvent answers again on each new message; resize is refused only in the slider', async ({
    shell,
  }) => {
    const { page } = shell;
    await shell.openChat('chat12');
    await shell.openPlacement('IM_TEXTAREA', 'SDK probe');
    await expect(shell.frameOf('IM_TEXTAREA').getByTestId('status')).toHaveText('ready');
    const popup = await shell.frameHandle('IM_TEXTAREA');
    expect(await popup.evaluate(() => window.probe.send('resizeWindow', { width: 420, height: 300 }))).toBe(
      '{"width":420,"height":300}',
    );

    await page.getByTestId('message-input').fill('Event please');
    await page.getByTestId('message-input').press('Enter');
    await expect
      .poll(() => popup.evaluate(() => JSON.stringify(window.probe.events ?? [])))
      .toContain('Event please');
    await expect(
      shell.inspector.getByText(/development aid placementEvents — not a portal behaviour/).first(),
    ).toBeVisible();

    await shell.openPlacement('IM_CONTEXT_MENU', 'SDK probe');
    await expect(shell.frameOf('IM_CONTEXT_MENU').getByTestId('status')).toHaveText('ready');
    await expect(shell.frameOf('IM_CONTEXT_MENU').getByTestId('placement')).toContainText('"messageId"');
    const slider = await shell.frameHandle('IM_CONTEXT_MENU');
    expect(
      await slider.evaluate(() =>
        window.probe.send('resizeWindow', { width: 420, height: 300 }, undefined, 1000),
      ),
    ).toBeNull();
    expect(
      await slider.evaluate(() => window.probe.send('setTitle', { title: 'x' }, undefined, 500)),
    ).toBeNull();
    await expect(shell.inspector.getByText(/resizeWindow is refused in IM_CONTEXT_MENU/)).toBeVisible();
    await expect(shell.inspector.getByText(/setTitle is refused in IM placements/)).toBeVisible();
  });
});

test('selectUser opens a picker and answers with the choice; imOpenMessenger opens the dialog without a reply', async ({
  shell,
}) => {
  const { page } = shell;
  await shell.openChat('chat12');
  await shell.openPlacement('IM_SIDEBAR', 'SDK probe');
  await expect(shell.frameOf('IM_SIDEBAR').getByTestId('status')).toHaveText('ready');
  const frame = await shell.frameHandle('IM_SIDEBAR');

  expect(await frame.evaluate(() => window.probe.send('getInterface'))).toBe('{"command":[],"event":[]}');

  const picked = frame.evaluate(() => window.probe.send('selectUser', { mult: false }, undefined, 10_000));
  await page.getByTestId('user-picker').locator('[data-testid="pick-user"][data-user-id="3"]').click();
  expect(JSON.parse((await picked) ?? 'null')).toEqual({ id: '3', name: 'Chloe Chen', photo: '' });
  await expect(page.getByTestId('user-picker')).toHaveCount(0);

  // The host never answers; opening another chat closes this sidebar app (and its frame).
  await frame.evaluate(() => {
    void window.probe.send('imOpenMessenger', { dialogId: 'chat16' });
  });
  await expect(page.getByTestId('dialog')).toHaveAttribute('data-dialog-id', 'chat16');
  await expect(
    shell.inspector.locator('[data-kind="frame-in"]').filter({ hasText: 'imOpenMessenger' }),
  ).toHaveCount(1);
  await expect(
    shell.inspector.locator('[data-kind="frame-out"]').filter({ hasText: 'imOpenMessenger' }),
  ).toHaveCount(0);
});
