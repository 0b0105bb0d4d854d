import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { firstLoadJs } from '../src/size/first-load-js.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dist(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-dist-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const gz = (text: string) => gzipSync(text, { level: 9 }).length;

describe('firstLoadJs', () => {
  it('counts module scripts, modulepreloads and static imports, not dynamic imports', () => {
    const main = 'import{a}from"./chunk.js";import("./lazy.js");console.log(a)';
    const chunk = 'export const a=1';
    const preload = 'export const p=2';
    const dir = dist({
      'index.html':
        '<script type="module" crossorigin src="./assets/main.js"></script><link rel="modulepreload" href="./assets/pre.js">',
      'assets/main.js': main,
      'assets/chunk.js': chunk,
      'assets/pre.js': preload,
      'assets/lazy.js': 'export const big="x".repeat(100000)',
    });
    const result = firstLoadJs(dir);
    expect([...result.files].sort()).toEqual(['assets/chunk.js', 'assets/main.js', 'assets/pre.js']);
    expect(result.bytes).toBe(gz(main) + gz(chunk) + gz(preload));
  });

  it('fails naming a missing file, a missing index.html or a page without module scripts', () => {
    expect(() =>
      firstLoadJs(dist({ 'index.html': '<script type="module" src="./gone.js"></script>' })),
    ).toThrow(/gone\.js is referenced but missing/);
    expect(() => firstLoadJs(dist({}))).toThrow(/index\.html does not exist/);
    expect(() => firstLoadJs(dist({ 'index.html': '<script src="./classic.js"></script>' }))).toThrow(
      /loads no module script/,
    );
  });
});
