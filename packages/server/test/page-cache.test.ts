import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedPage } from '../src/page-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'imkit-page-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function page(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('cachedPage', () => {
  it('answers from memory until the recheck time, then serves a rebuilt file', async () => {
    let now = 0;
    const file = page('rebuilt.html', '<p>one</p>');
    const read = cachedPage(file, { recheckMs: 1000, now: () => now });
    expect(await read()).toBe('<p>one</p>');
    writeFileSync(file, '<p>two, longer</p>');
    now = 999;
    expect(await read()).toBe('<p>one</p>');
    now = 1000;
    expect(await read()).toBe('<p>two, longer</p>');
  });

  it('sees a change of the same size by its mtime', async () => {
    let now = 0;
    const file = page('same-size.html', 'aaaa');
    utimesSync(file, 1_000, 1_000);
    const read = cachedPage(file, { recheckMs: 10, now: () => now });
    expect(await read()).toBe('aaaa');
    writeFileSync(file, 'bbbb');
    utimesSync(file, 2_000, 2_000);
    now = 10;
    expect(await read()).toBe('bbbb');
  });

  it('shares one read between concurrent requests and fails like a read when the file is gone', async () => {
    let now = 0;
    const file = page('gone.html', 'x');
    const read = cachedPage(file, { recheckMs: 5, now: () => now });
    const [a, b] = [read(), read()];
    expect(a).toBe(b);
    expect(await a).toBe('x');
    rmSync(file);
    now = 5;
    await expect(read()).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
