/**
 * Temporary `apps/` folders for loadDeclarations and CLI tests. They are created inside this package so
 * that `import { definePlacement } from '@imkit/frame/placements'` resolves as in the real apps.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

export interface TempApps {
  readonly dir: string;
  add(app: string, source: string): Promise<string>;
  remove(): Promise<void>;
}

export async function createTempApps(): Promise<TempApps> {
  const dir = await mkdtemp(join(packageDir, '.tmp-apps-'));
  return {
    dir,
    async add(app, source) {
      await mkdir(join(dir, app), { recursive: true });
      const file = join(dir, app, 'placement.ts');
      await writeFile(file, source);
      return file;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export function placementSource(fields: string): string {
  return `import { definePlacement } from '@imkit/frame/placements';\nexport default definePlacement({ ${fields} });\n`;
}

export const sidebarSource = placementSource(
  "placement: 'IM_SIDEBAR', handler: 'im-sidebar/', title: { en: 'Insights' }, options: { iconName: 'fa-bar-chart' }",
);
export const contextMenuSource = placementSource(
  "placement: 'IM_CONTEXT_MENU', handler: 'im-context-menu/', title: { en: 'Create task' }, options: { context: 'USER;CHAT' }",
);
