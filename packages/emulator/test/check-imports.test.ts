import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkImports, importSpecifiers } from '../../../scripts/check-imports.mjs';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const temps: string[] = [];

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'check-imports-'));
  temps.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

afterEach(() => {
  for (const root of temps.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('check-imports', () => {
  it('reads import, export-from, side-effect and dynamic specifiers, not ones in comments', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "export * from './d.js';",
      "import './e.js';",
      "const f = await import('./f.js');",
      "import { g } from 'node:fs';",
      "/** see `import x from './not-me.js'` */",
      "// import y from './nor-me.js';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['./a.js', '../b.js', './c.js', './d.js', './e.js', './f.js']);
  });

  it('fails on a circle and on an import going up a floor', () => {
    const root = tree({
      'packages/p/src/a.ts': "import { b } from './b.js';\nexport const a = b;\n",
      'packages/p/src/b.ts': "import type { A } from './c.js';\nexport const b = 1;\n",
      'packages/p/src/c.ts': "export type A = typeof import('./a.js');\n",
      'packages/emulator/src/portal/state/store.ts':
        "import { runtime } from '../runtime.js';\nexport const s = runtime;\n",
      'packages/emulator/src/portal/runtime.ts': 'export const runtime = 1;\n',
      'packages/emulator/src/index.ts': "export { runtime } from './portal/runtime.js';\n",
    });
    const findings = checkImports(root);
    expect(findings).toEqual([
      'layer: packages/emulator/src/portal/state/store.ts (0 portal/state/) imports packages/emulator/src/portal/runtime.ts (1 portal/)',
      'cycle: packages/p/src/a.ts <-> packages/p/src/b.ts <-> packages/p/src/c.ts',
    ]);
  });

  it('passes on a tree that only imports down', () => {
    const root = tree({
      'packages/emulator/src/portal/runtime.ts':
        "import { s } from './state/store.js';\nexport const runtime = s;\n",
      'packages/emulator/src/portal/state/store.ts': 'export const s = 1;\n',
      'packages/emulator/src/index.ts': "export { runtime } from './portal/runtime.js';\n",
    });
    expect(checkImports(root)).toEqual([]);
  });

  it('passes on this repository', () => {
    expect(checkImports(repoRoot)).toEqual([]);
  });
});
