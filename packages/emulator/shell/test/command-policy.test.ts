import { describe, expect, it } from 'vitest';
import { routeCommand } from '../src/host/command-policy.js';

describe('routeCommand', () => {
  it('forwards state commands to the portal', () => {
    for (const method of [
      'getInitData',
      'refreshAuth',
      'setUserOption',
      'setAppOption',
      'setInstall',
      'setInstallFinish',
    ]) {
      expect(routeCommand(method, 'IM_SIDEBAR')).toEqual({ route: 'portal' });
    }
  });

  it('refuses setTitle, setScroll and reloadWindow in every IM placement', () => {
    for (const placement of [
      'IM_NAVIGATION',
      'IM_TEXTAREA',
      'IM_SIDEBAR',
      'IM_CONTEXT_MENU',
      'IM_SMILES_SELECTOR',
    ]) {
      for (const method of ['setTitle', 'setScroll', 'reloadWindow']) {
        expect(routeCommand(method, placement).route).toBe('refused');
      }
    }
    expect(routeCommand('setTitle', 'DEFAULT').route).toBe('shell');
  });

  it('refuses resizeWindow only in IM_CONTEXT_MENU (the slider)', () => {
    expect(routeCommand('resizeWindow', 'IM_CONTEXT_MENU').route).toBe('refused');
    expect(routeCommand('resizeWindow', 'IM_TEXTAREA').route).toBe('shell');
    expect(routeCommand('resizeWindow', 'IM_SIDEBAR').route).toBe('shell');
  });

  it('marks unknown commands', () => {
    const route = routeCommand('doSomethingElse', 'IM_SIDEBAR');
    expect(route.route).toBe('unknown');
    expect(route.route === 'unknown' && route.reason).toContain('no reply');
  });
});
