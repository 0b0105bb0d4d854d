import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { placementCatalog, placementCodes } from '@imkit/frame/placements';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppAnswers, CreateError, createApp, removeApp } from '../src/index.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'imkit-create-unit-'));
  await writeFile(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - apps/*\n');
  await mkdir(join(root, 'apps'));
  await mkdir(join(root, 'e2e'));
  await mkdir(join(root, 'packages'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const sidebar: AppAnswers = {
  name: 'my-app',
  placement: 'IM_SIDEBAR',
  title: 'My app',
  description: 'Shows the chat',
  options: { iconName: 'fa-book', color: 'AZURE' },
};

async function refusal(answers: AppAnswers, at = root): Promise<CreateError> {
  const error = await createApp(answers, { root: at }).then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof CreateError)) throw new Error(`expected a CreateError, got ${String(error)}`);
  return error;
}

/** Everything in the workspace except the skeleton: nothing may be left after a refusal. */
function leftovers(): string[] {
  return ['apps', 'e2e'].flatMap((dir) => readdirSync(join(root, dir)).map((entry) => `${dir}/${entry}`));
}

/** What each store must use: the placement's own context and host features. */
const contextUse: Record<string, readonly string[]> = {
  IM_NAVIGATION: ["frame.rest.call('user.current'", 'frame.openMessenger()'],
  IM_TEXTAREA: ['openDialogId(frame.context.options)', "'im.dialog.get'", 'frame.textarea.insert(text)'],
  IM_SIDEBAR: ['openDialogId(frame.context.options)', "'im.dialog.get'", "'im.message.add'"],
  IM_CONTEXT_MENU: [
    'openDialogId(frame.context.options)',
    'openMessageId(frame.context.options)',
    "'im.dialog.messages.get'",
    'frame.closeApplication()',
  ],
  IM_SMILES_SELECTOR: ['openDialogId(frame.context.options)', "'im.message.add'"],
};

describe('createApp', () => {
  it.each(placementCodes)('writes a complete %s app and its e2e spec', async (placement) => {
    const options = placementCatalog[placement].requiresIcon ? { iconName: 'fa-book' } : {};
    const created = await createApp({ ...sidebar, placement, options }, { root });
    const app = join(root, 'apps', 'my-app');
    expect(created.appDir).toBe(app);
    expect(created.e2eFile).toBe(join(root, 'e2e', 'my-app.spec.ts'));
    for (const file of [
      'package.json',
      'tsconfig.json',
      'vite.config.ts',
      'index.html',
      'placement.ts',
      'README.md',
      'src/main.tsx',
      'src/store.ts',
      'src/texts.ts',
      'src/components/App.tsx',
      'test/app.test.tsx',
    ]) {
      expect(created.files).toContain(`apps/my-app/${file}`);
      expect(existsSync(join(app, file))).toBe(true);
    }
    expect(created.files).toContain('e2e/my-app.spec.ts');
    const placementTs = await readFile(join(app, 'placement.ts'), 'utf8');
    expect(placementTs).toContain(`placement: '${placement}',`);
    expect(placementTs).toContain("handler: 'my-app/',");
    const main = await readFile(join(app, 'src/main.tsx'), 'utf8');
    expect(main).toContain(`bootApp('${placement}', (frame) => <App frame={frame} />);`);
    const store = await readFile(join(app, 'src/store.ts'), 'utf8');
    expect(store).toContain("from 'zustand'");
    for (const use of contextUse[placement] ?? ['(missing)']) expect(store).toContain(use);
    if (placement === 'IM_NAVIGATION') expect(store).not.toContain('dialogId');
    const manifest = JSON.parse(await readFile(join(app, 'package.json'), 'utf8')) as { name: string };
    expect(manifest.name).toBe('@imkit/app-my-app');
    const spec = await readFile(join(root, 'e2e', 'my-app.spec.ts'), 'utf8');
    expect(spec).toContain(`shell.openPlacement('${placement}', title)`);
    expect(leftovers().filter((entry) => entry.includes('.creating-'))).toEqual([]);
  });

  it('writes the declared options in the host chain order, defaults included', async () => {
    await createApp(
      { ...sidebar, placement: 'IM_TEXTAREA', options: { height: '420', iconName: 'fa-x', width: '360' } },
      { root },
    );
    const placementTs = await readFile(join(root, 'apps/my-app/placement.ts'), 'utf8');
    expect(placementTs).toContain(
      "  options: {\n    iconName: 'fa-x',\n    height: 420,\n    width: 360,\n  },",
    );
  });

  it('escapes quotes in titles for TypeScript and HTML', async () => {
    await createApp({ ...sidebar, title: `It's <"odd">` }, { root });
    expect(await readFile(join(root, 'apps/my-app/src/texts.ts'), 'utf8')).toContain(
      `title: 'It\\'s <"odd">',`,
    );
    expect(await readFile(join(root, 'apps/my-app/index.html'), 'utf8')).toContain(
      '<title>It&#39;s &lt;&quot;odd&quot;&gt;</title>',
    );
  });

  it('refuses an existing app folder and leaves it untouched', async () => {
    await mkdir(join(root, 'apps', 'my-app'));
    await writeFile(join(root, 'apps', 'my-app', 'keep.txt'), 'mine');
    const error = await refusal(sidebar);
    expect(error).toMatchObject({ code: 'EXISTS', field: 'name' });
    expect(error.message).toContain('apps/my-app already exists');
    expect(leftovers()).toEqual(['apps/my-app']);
    expect(await readFile(join(root, 'apps', 'my-app', 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('refuses when the e2e spec or a package of that name exists', async () => {
    await writeFile(join(root, 'e2e', 'my-app.spec.ts'), '');
    expect((await refusal(sidebar)).message).toContain('e2e/my-app.spec.ts already exists');
    await rm(join(root, 'e2e', 'my-app.spec.ts'));
    await mkdir(join(root, 'packages', 'my-app'));
    expect((await refusal(sidebar)).message).toContain('packages/my-app already exists');
    expect(leftovers()).toEqual([]);
  });

  it('refuses bad answers before writing anything', async () => {
    expect(await refusal({ ...sidebar, name: 'My App' })).toMatchObject({ field: 'name' });
    expect(await refusal({ ...sidebar, placement: 'IM_NOPE' })).toMatchObject({ field: 'placement' });
    expect(await refusal({ ...sidebar, options: { iconName: 'fa-x', role: 'ROOT' } })).toMatchObject({
      field: 'role',
    });
    expect(leftovers()).toEqual([]);
  });

  it('refuses a folder that is not a workspace', async () => {
    const error = await refusal(sidebar, join(root, 'apps'));
    expect(error).toMatchObject({ code: 'NO_WORKSPACE', field: 'dir' });
  });

  it('leaves nothing behind when placing the e2e spec fails', async () => {
    // A dangling link is invisible to the existence check but makes the final link fail.
    await symlink(join(root, 'nowhere'), join(root, 'e2e', 'my-app.spec.ts'));
    const error = await refusal(sidebar);
    expect(error.code).toBe('EXISTS');
    expect(error.message).toContain('nothing was left');
    expect(leftovers()).toEqual(['e2e/my-app.spec.ts']);
  });

  it('writes no e2e spec when the workspace has no e2e folder', async () => {
    await rm(join(root, 'e2e'), { recursive: true });
    const created = await createApp(sidebar, { root });
    expect(created.e2eFile).toBeNull();
    expect(created.files.some((file) => file.startsWith('e2e/'))).toBe(false);
  });

  it('removeApp takes a created app away completely', async () => {
    const created = await createApp(sidebar, { root });
    await removeApp(created);
    expect(readdirSync(join(root, 'apps'))).toEqual([]);
    expect(readdirSync(join(root, 'e2e'))).toEqual([]);
  });
});
