import { describe, expect, it } from 'vitest';
import { appNameOf, bundledDeclarations, declarationsFromModules } from '../src/app-declarations.js';
import { handlerBaseOf } from '../src/handler-base.js';
import { declarations } from './declarations.fixture.js';

describe('app declarations', () => {
  it('names each declaration after its app folder and sorts them', () => {
    const [menu, sidebar] = declarations;
    const list = declarationsFromModules({
      '../../im-sidebar/placement.ts': { default: sidebar?.declaration },
      '../../im-context-menu/placement.ts': { default: menu?.declaration },
    });
    expect(list.map((d) => [d.app, d.declaration.handler])).toEqual([
      ['im-context-menu', 'im-context-menu/'],
      ['im-sidebar', 'im-sidebar/'],
    ]);
    expect(appNameOf('../../im-navigation/placement.ts')).toBe('im-navigation');
  });

  it('names a placement file without a default export', () => {
    expect(() => declarationsFromModules({ '../../broken/placement.ts': {} })).toThrow(
      /\.\.\/\.\.\/broken\/placement\.ts: no default export/,
    );
  });

  it('bundles the apps of this repository, not itself', () => {
    const list = bundledDeclarations();
    expect(list.length).toBeGreaterThan(0);
    expect(list.map((d) => d.app)).not.toContain('install');
    for (const { app, declaration } of list) expect(declaration.handler).toBe(`${app}/`);
  });
});

describe('handlerBaseOf', () => {
  it('is the folder above the install page, without the host query', () => {
    expect(handlerBaseOf('https://apps.example.com/chat/install/?DOMAIN=x.bitrix24.com&APP_SID=abc')).toBe(
      'https://apps.example.com/chat/',
    );
    expect(handlerBaseOf('http://127.0.0.1:5173/install/index.html')).toBe('http://127.0.0.1:5173/');
  });
});
