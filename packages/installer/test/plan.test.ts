import { checkPlacementBind, toBindParams } from '@imkit/frame/placements';
import { describe, expect, it } from 'vitest';
import { formatPlan, InstallerError, planPlacements } from '../src/index.js';
import { all, contextMenu, handlerBase, sidebar, textarea } from './declarations.fixture.js';
import { createFakePortal, rowFromBinding, type StoredRow } from './fake-portal.js';

function boundRow(
  declaration: Parameters<typeof toBindParams>[0],
  edit: (row: StoredRow) => void = () => {},
) {
  const checked = checkPlacementBind(toBindParams(declaration, handlerBase));
  if (!checked.ok) throw new Error('fixture does not bind');
  const row = rowFromBinding(checked.binding);
  edit(row);
  return row;
}

describe('planPlacements', () => {
  it('binds every declaration on an empty portal, with one read request', async () => {
    const portal = createFakePortal();
    const plan = await planPlacements(portal.rest, all, { handlerBase });
    expect(plan.items.map((i) => [i.action, i.placement, i.handler, i.app])).toEqual([
      ['bind', 'IM_SIDEBAR', 'https://apps.example.com/im-sidebar/', 'im-sidebar'],
      ['bind', 'IM_TEXTAREA', 'https://apps.example.com/im-textarea/', 'im-textarea'],
      ['bind', 'IM_CONTEXT_MENU', 'https://apps.example.com/im-context-menu/', 'im-context-menu'],
    ]);
    expect(plan.hasChanges).toBe(true);
    expect(plan.items[0]?.bind?.OPTIONS).toEqual({ iconName: 'fa-bar-chart', color: 'AZURE' });
    expect(portal.requests).toEqual([{ kind: 'call', commands: ['placement.get'] }]);
  });

  it('keeps equal bindings, comparing options after the host fills in defaults', async () => {
    const bareOptions = boundRow(sidebar, (row) => {
      row.options = { iconName: 'fa-bar-chart', color: 'AZURE' };
    });
    const portal = createFakePortal([bareOptions, boundRow(textarea), boundRow(contextMenu)]);
    const plan = await planPlacements(portal.rest, all, { handlerBase });
    expect(plan.items.map((i) => i.action)).toEqual(['keep', 'keep', 'keep']);
    expect(plan.hasChanges).toBe(false);
  });

  it('treats numbers and their string form as equal (width 300 vs "300")', async () => {
    const portal = createFakePortal([
      boundRow(textarea, (row) => {
        row.options = { ...row.options, width: '300' };
      }),
    ]);
    const plan = await planPlacements(portal.rest, [textarea], { handlerBase });
    expect(plan.items[0]?.action).toBe('keep');
  });

  it('rebinds changed bindings and names the fields that differ', async () => {
    const portal = createFakePortal([
      boundRow(sidebar, (row) => {
        row.options.color = 'RED';
        row.title = 'Old title';
        row.langAll = {
          ...row.langAll,
          ru: { TITLE: 'Старое', DESCRIPTION: 'Participants and links', GROUP_NAME: '' },
        };
      }),
      boundRow(textarea, (row) => {
        row.langAll = {};
      }),
    ]);
    const plan = await planPlacements(portal.rest, [sidebar, textarea], { handlerBase });
    expect(plan.items[0]).toMatchObject({
      action: 'rebind',
      changes: ['options.color', 'title', 'langAll.ru.TITLE'],
    });
    expect(plan.items[1]).toMatchObject({ action: 'rebind', changes: ['langAll.en'] });
    expect(plan.items[0]?.bind?.HANDLER).toBe('https://apps.example.com/im-sidebar/');
  });

  it('treats a different handler URL as a different binding (bind the new, stale the old)', async () => {
    const portal = createFakePortal([boundRow(sidebar)]);
    const plan = await planPlacements(portal.rest, [sidebar], { handlerBase: 'https://apps2.example.com/' });
    expect(plan.items.map((i) => [i.action, i.handler])).toEqual([
      ['bind', 'https://apps2.example.com/im-sidebar/'],
      ['stale', 'https://apps.example.com/im-sidebar/'],
    ]);
  });

  it('leaves stale handlers alone without prune and unbinds them with prune', async () => {
    const old = boundRow(sidebar, (row) => {
      row.handler = 'https://apps.example.com/old-sidebar/';
    });
    const portal = createFakePortal([old, boundRow(sidebar)]);
    const kept = await planPlacements(portal.rest, [sidebar], { handlerBase });
    expect(kept.items.map((i) => [i.action, i.handler, i.app])).toEqual([
      ['keep', 'https://apps.example.com/im-sidebar/', 'im-sidebar'],
      ['stale', 'https://apps.example.com/old-sidebar/', null],
    ]);
    expect(kept.hasChanges).toBe(false);
    const pruned = await planPlacements(portal.rest, [sidebar], { handlerBase, prune: true });
    expect(pruned.items[1]?.action).toBe('unbind');
    expect(pruned.hasChanges).toBe(true);
  });

  it('reports every declaration problem, naming placement, handler and field, before any request', async () => {
    const portal = createFakePortal();
    const bad = [
      { app: 'a', declaration: { ...sidebar, options: { iconName: 'fa-x', color: 'BLUE', role: 'ROOT' } } },
      { app: 'b', declaration: { ...contextMenu, handler: '/abs/', title: { en: '' } } },
      { app: 'c', declaration: { ...textarea, placement: 'IM_NOPE' } },
      { app: 'd', declaration: textarea },
      { app: 'e', declaration: textarea },
    ];
    const error = await planPlacements(portal.rest, bad as never, { handlerBase }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InstallerError);
    const problems = (error as InstallerError).problems.map((p) => [
      p.app,
      p.placement,
      p.handler,
      p.field,
      p.code,
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['a', 'IM_SIDEBAR', 'im-sidebar/', 'OPTIONS.role', 'INVALID_ERROR_ROLE'],
        ['a', 'IM_SIDEBAR', 'im-sidebar/', 'OPTIONS.color', 'INVALID_ERROR_COLOR'],
        ['b', 'IM_CONTEXT_MENU', '/abs/', 'handler', 'INVALID_DECLARATION'],
        ['b', 'IM_CONTEXT_MENU', '/abs/', 'title.en', 'INVALID_DECLARATION'],
        ['c', 'IM_NOPE', 'im-textarea/', 'PLACEMENT', 'ERROR_PLACEMENT_NOT_FOUND'],
        ['e', 'IM_TEXTAREA', 'im-textarea/', 'handler', 'ERROR_CORE'],
      ]),
    );
    expect((error as InstallerError).message).toContain('OPTIONS.color');
    expect(portal.requests).toHaveLength(0);
  });

  it('refuses a handler base the host would refuse (no dot in the host name)', async () => {
    const portal = createFakePortal();
    const error = await planPlacements(portal.rest, [sidebar], {
      handlerBase: 'http://localhost:5173/',
    }).catch((e: unknown) => e as InstallerError);
    expect(error).toMatchObject({ code: 'INVALID_DECLARATIONS' });
    expect((error as InstallerError).problems[0]).toMatchObject({
      field: 'HANDLER',
      code: 'ERROR_WRONG_HANDLER_URL',
    });
    const notUrl = await planPlacements(portal.rest, [sidebar], { handlerBase: 'apps/' }).catch(
      (e: unknown) => e as InstallerError,
    );
    expect(notUrl).toMatchObject({ code: 'INVALID_OPTIONS' });
    expect(portal.requests).toHaveLength(0);
  });

  it('explains a refused read (webhook token) and names the host error', async () => {
    const portal = createFakePortal();
    portal.requestFaults.push({
      kind: 'call',
      error: {
        code: 'WRONG_AUTH_TYPE',
        description: 'Current authorization type is denied for this method Application context required',
        status: 403,
        method: 'placement.get',
      },
    });
    const error = await planPlacements(portal.rest, [sidebar], { handlerBase }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'READ_FAILED' });
    expect(String((error as Error).message)).toMatch(
      /WRONG_AUTH_TYPE.*Application context required.*HTTP 403/,
    );
    expect(String((error as Error).message)).toMatch(/application \(OAuth\) token/);
  });

  it('refuses a placement.get answer that is not a list of bindings', async () => {
    const portal = createFakePortal();
    const rest = { ...portal.rest, call: async <T>() => 'nonsense' as T };
    const error = await planPlacements(rest, [sidebar], { handlerBase }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'READ_FAILED' });
    expect(String((error as Error).message)).toContain('BAD_RESPONSE');
  });

  it('formats the plan as a table with one row per item and a summary', async () => {
    const old = boundRow(contextMenu, (row) => {
      row.handler = 'https://apps.example.com/gone/';
    });
    const portal = createFakePortal([
      boundRow(sidebar, (row) => {
        row.options.color = 'RED';
      }),
      boundRow(textarea),
      old,
    ]);
    const text = formatPlan(await planPlacements(portal.rest, all, { handlerBase }));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^ACTION\s+PLACEMENT\s+HANDLER\s+APP\s+CHANGES$/);
    expect(lines[1]).toMatch(/^-+\s+-+/);
    expect(text).toMatch(
      /~ rebind\s+IM_SIDEBAR\s+https:\/\/apps\.example\.com\/im-sidebar\/\s+im-sidebar\s+options\.color/,
    );
    expect(text).toMatch(/= keep\s+IM_TEXTAREA/);
    expect(text).toMatch(/\+ bind\s+IM_CONTEXT_MENU/);
    expect(text).toMatch(
      /! stale\s+IM_CONTEXT_MENU\s+https:\/\/apps\.example\.com\/gone\/\s+\(not declared\)/,
    );
    expect(text).toContain('1 to bind, 1 to rebind, 0 to unbind, 1 unchanged, 1 stale');
  });
});
