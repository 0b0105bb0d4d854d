import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InstallerError, loadDeclarations } from '../src/node.js';
import {
  contextMenuSource,
  createTempApps,
  placementSource,
  sidebarSource,
  type TempApps,
} from './apps-dir.fixture.js';

let apps: TempApps;
beforeEach(async () => {
  apps = await createTempApps();
});
afterEach(async () => {
  await apps.remove();
});

async function loadError(dir: string): Promise<InstallerError> {
  const error = await loadDeclarations(dir).catch((e: unknown) => e);
  if (!(error instanceof InstallerError)) throw new Error(`expected an InstallerError, got ${String(error)}`);
  return error;
}

describe('loadDeclarations', () => {
  it('imports every <app>/placement.ts, sorted by app, skipping folders without one', async () => {
    await apps.add('im-sidebar', sidebarSource);
    await apps.add('im-context-menu', contextMenuSource);
    await mkdir(join(apps.dir, 'install', 'src'), { recursive: true });
    await mkdir(join(apps.dir, 'node_modules', 'x'), { recursive: true });
    const loaded = await loadDeclarations(apps.dir);
    expect(loaded.map((d) => [d.app, d.declaration.placement, d.declaration.handler])).toEqual([
      ['im-context-menu', 'IM_CONTEXT_MENU', 'im-context-menu/'],
      ['im-sidebar', 'IM_SIDEBAR', 'im-sidebar/'],
    ]);
  });

  it('reports every invalid declaration with its file, field and rule', async () => {
    const file = await apps.add(
      'im-sidebar',
      placementSource(
        "placement: 'IM_SIDEBAR', handler: 'im-sidebar/', title: { en: 'x' }, options: { iconName: 'fa-x', color: 'BLUE' } as never",
      ),
    );
    const other = await apps.add(
      'im-textarea',
      placementSource(
        "placement: 'IM_TEXTAREA', handler: 'elsewhere/', title: { en: 'x' }, options: {} as never",
      ),
    );
    const error = await loadError(apps.dir);
    expect(error.code).toBe('INVALID_DECLARATIONS');
    expect(error.problems.map((p) => [p.app, p.field, p.code])).toEqual(
      expect.arrayContaining([
        [`im-sidebar (${file})`, 'OPTIONS.color', 'INVALID_ERROR_COLOR'],
        [`im-textarea (${other})`, 'OPTIONS.iconName', 'ERROR_ARGUMENT'],
        [`im-textarea (${other})`, 'handler', 'INVALID_DECLARATION'],
      ]),
    );
    expect(error.message).toContain(file);
    expect(error.message).toContain('OPTIONS.color');
  });

  it('names a file that cannot be imported or has no default export', async () => {
    const broken = await apps.add('broken', "throw new Error('boom');\nexport default {};\n");
    const empty = await apps.add('empty', 'export const x = 1;\n');
    const error = await loadError(apps.dir);
    expect(error.problems).toHaveLength(2);
    expect(error.problems[0]).toMatchObject({ app: `broken (${broken})`, field: 'default export' });
    expect(error.problems[0]?.description).toMatch(/cannot be imported: boom/);
    expect(error.problems[1]).toMatchObject({
      app: `empty (${empty})`,
      description: 'has no default export object',
    });
  });

  it('reports two apps binding the same placement and handler', async () => {
    await apps.add('im-sidebar', sidebarSource);
    await apps.add('copy', sidebarSource);
    const error = await loadError(apps.dir);
    expect(error.problems.some((p) => p.code === 'ERROR_CORE' && p.rule.includes('also declared by'))).toBe(
      true,
    );
  });

  it('fails with INVALID_OPTIONS when the folder does not exist', async () => {
    const error = await loadError(join(apps.dir, 'missing'));
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.message).toContain('missing');
  });
});
