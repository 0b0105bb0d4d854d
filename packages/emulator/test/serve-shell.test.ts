import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureShellBuilt, ShellBuildError, shellRoutes } from '../src/hosting/shell-hosting.js';

const root = mkdtempSync(join(tmpdir(), 'imkit-shell-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('shell hosting', () => {
  it('builds the shell with Vite when dist is missing, then serves it with an SPA fallback', async () => {
    const src = join(root, 'shell');
    mkdirSync(src);
    writeFileSync(
      join(src, 'index.html'),
      '<!doctype html><title>shell</title><script type="module" src="./main.js"></script>',
    );
    writeFileSync(join(src, 'main.js'), 'document.title = "built";');
    const configFile = join(src, 'vite.config.mjs');
    writeFileSync(
      configFile,
      `export default { root: ${JSON.stringify(src)}, logLevel: 'silent', build: { outDir: 'dist', emptyOutDir: true } };\n`,
    );
    const distDir = join(src, 'dist');
    await ensureShellBuilt({ distDir, configFile });
    expect(existsSync(join(distDir, 'index.html'))).toBe(true);
    const app = shellRoutes(distDir);
    for (const path of ['/', '/chat12']) {
      const page = await app.request(path);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toContain('<title>shell</title>');
    }
    // The server's static rules: pages only by the fallback, no dotfiles; a built shell answers 404.
    expect((await app.request('/index.html')).status).toBe(404);
    expect((await app.request('/missing.js')).status).toBe(404);
  }, 60_000);

  it('fails with a clear error when there is neither dist nor a config, and answers 503 unbuilt', async () => {
    const missing = join(root, 'nothing');
    await expect(
      ensureShellBuilt({ distDir: missing, configFile: join(missing, 'vite.config.ts') }),
    ).rejects.toThrow(ShellBuildError);
    const response = await shellRoutes(missing).request('/');
    expect(response.status).toBe(503);
  });
});
