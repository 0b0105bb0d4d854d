import { definePlacement } from '@imkit/frame/placements';
import { describe, expect, it } from 'vitest';
import { type ApplyProgress, applyPlacements, formatApplyResult, InstallerError } from '../src/index.js';
import { all, contextMenu, handlerBase, sidebar, textarea } from './declarations.fixture.js';
import { createFakePortal, instantRetry, rateLimited } from './fake-portal.js';

const sidebarUrl = 'https://apps.example.com/im-sidebar/';

describe('applyPlacements', () => {
  it('installs on an empty portal in 2 round trips (read, then one batch ending with placement.get)', async () => {
    const portal = createFakePortal();
    const result = await applyPlacements(portal.rest, all, { handlerBase });
    expect(result.ok).toBe(true);
    expect(result.requests).toBe(2);
    expect(portal.requests).toEqual([
      { kind: 'call', commands: ['placement.get'] },
      {
        kind: 'batch',
        commands: [
          `placement.bind ${sidebarUrl}`,
          'placement.bind https://apps.example.com/im-textarea/',
          'placement.bind https://apps.example.com/im-context-menu/',
          'placement.get',
        ],
      },
    ]);
    expect(result.items.map((i) => i.status)).toEqual(['done', 'done', 'done']);
    expect(portal.rows.map((r) => r.handler)).toEqual([
      sidebarUrl,
      'https://apps.example.com/im-textarea/',
      'https://apps.example.com/im-context-menu/',
    ]);
    expect(result.mismatches).toEqual([]);
  });

  it('is idempotent: a second run changes nothing and makes exactly one read request', async () => {
    const portal = createFakePortal();
    await applyPlacements(portal.rest, all, { handlerBase });
    const rowsAfterFirst = structuredClone(portal.rows);
    portal.requests.length = 0;
    const again = await applyPlacements(portal.rest, all, { handlerBase });
    expect(again.ok).toBe(true);
    expect(again.requests).toBe(1);
    expect(portal.requests).toEqual([{ kind: 'call', commands: ['placement.get'] }]);
    expect(again.items.map((i) => i.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(portal.rows).toEqual(rowsAfterFirst);
  });

  it('rebinds a changed declaration with unbind then bind of that exact handler in one batch', async () => {
    const portal = createFakePortal();
    await applyPlacements(portal.rest, all, { handlerBase });
    portal.requests.length = 0;
    const recolored = definePlacement({ ...sidebar, options: { ...sidebar.options, color: 'MINT' } });
    const result = await applyPlacements(portal.rest, [recolored, textarea, contextMenu], { handlerBase });
    expect(result.ok).toBe(true);
    expect(result.items[0]).toMatchObject({ action: 'rebind', status: 'done', changes: ['options.color'] });
    expect(portal.requests).toEqual([
      { kind: 'call', commands: ['placement.get'] },
      {
        kind: 'batch',
        commands: [`placement.unbind ${sidebarUrl}`, `placement.bind ${sidebarUrl}`, 'placement.get'],
      },
    ]);
    expect(portal.rows.find((r) => r.handler === sidebarUrl)?.options.color).toBe('MINT');
  });

  it('removes handlers that are no longer declared only with prune', async () => {
    const portal = createFakePortal();
    await applyPlacements(portal.rest, all, { handlerBase });
    const kept = await applyPlacements(portal.rest, [sidebar], { handlerBase });
    expect(kept.ok).toBe(true);
    expect(kept.items.filter((i) => i.action === 'stale')).toHaveLength(2);
    expect(portal.rows).toHaveLength(3);
    portal.requests.length = 0;
    const pruned = await applyPlacements(portal.rest, [sidebar], { handlerBase, prune: true });
    expect(pruned.ok).toBe(true);
    expect(portal.rows.map((r) => r.handler)).toEqual([sidebarUrl]);
    expect(portal.requests[1]?.commands).toEqual([
      'placement.unbind https://apps.example.com/im-textarea/',
      'placement.unbind https://apps.example.com/im-context-menu/',
      'placement.get',
    ]);
  });

  it('fails only the item whose command errs inside the batch, naming placement, handler, code and text', async () => {
    const portal = createFakePortal();
    portal.commandFault = (method, params) =>
      method === 'placement.bind' && params.PLACEMENT === 'IM_TEXTAREA'
        ? {
            code: 'ERROR_CORE',
            description: 'Unable to set placement handler: Handler already binded',
            status: 400,
            method,
          }
        : null;
    const result = await applyPlacements(portal.rest, all, { handlerBase });
    expect(result.ok).toBe(false);
    expect(result.items.map((i) => i.status)).toEqual(['done', 'failed', 'done']);
    const error = result.items[1]?.error;
    expect(error).toMatchObject({ step: 'bind', code: 'ERROR_CORE', status: 400 });
    expect(error?.message).toContain('IM_TEXTAREA https://apps.example.com/im-textarea/: bind failed');
    expect(error?.message).toContain('Handler already binded');
    expect(result.mismatches).toEqual([
      {
        placement: 'IM_TEXTAREA',
        handler: 'https://apps.example.com/im-textarea/',
        app: 'im-textarea',
        problem: 'missing',
        changes: [],
      },
    ]);
    const text = formatApplyResult(result);
    expect(text).toMatch(/FAILED ERROR_CORE/);
    expect(text).toContain('mismatch: IM_TEXTAREA https://apps.example.com/im-textarea/ is missing');
    expect(text).toMatch(/^FAILED: the portal does not match/m);
  });

  it('treats an option error returned with HTTP 200 as a failure of that item', async () => {
    const portal = createFakePortal();
    portal.commandFault = (method, params) =>
      method === 'placement.bind' && params.PLACEMENT === 'IM_SIDEBAR'
        ? { code: 'INVALID_ERROR_COLOR', description: 'Field color is invalid.', status: 200, method }
        : null;
    const result = await applyPlacements(portal.rest, [sidebar, textarea], { handlerBase });
    expect(result.ok).toBe(false);
    expect(result.items[0]).toMatchObject({
      status: 'failed',
      error: { code: 'INVALID_ERROR_COLOR', status: 200 },
    });
    expect(result.items[0]?.error?.message).toBe(
      `IM_SIDEBAR ${sidebarUrl}: bind failed — INVALID_ERROR_COLOR: Field color is invalid. (HTTP 200).`,
    );
    expect(result.items[1]?.status).toBe('done');
  });

  it('reports the unbind as the failing step of a rebind and does not count the bind after it', async () => {
    const portal = createFakePortal();
    await applyPlacements(portal.rest, [sidebar], { handlerBase });
    portal.commandFault = (method) =>
      method === 'placement.unbind'
        ? { code: 'ACCESS_DENIED', description: 'Access denied!', status: 403, method }
        : null;
    const recolored = definePlacement({ ...sidebar, options: { ...sidebar.options, color: 'MINT' } });
    const result = await applyPlacements(portal.rest, [recolored], { handlerBase });
    expect(result.items[0]).toMatchObject({
      status: 'failed',
      error: { step: 'unbind', code: 'ACCESS_DENIED' },
    });
    expect(result.items[0]?.error?.hint).toMatch(/admin/);
    expect(result.mismatches[0]).toMatchObject({ problem: 'different', changes: ['options.color'] });
  });

  it('explains WRONG_AUTH_TYPE on a command: placements need an application token', async () => {
    const portal = createFakePortal();
    portal.commandFault = (method, _params, kind) =>
      kind === 'batch' && method === 'placement.bind'
        ? {
            code: 'WRONG_AUTH_TYPE',
            description: 'Current authorization type is denied for this method Application context required',
            status: 403,
            method,
          }
        : null;
    const result = await applyPlacements(portal.rest, [sidebar], { handlerBase });
    expect(result.items[0]?.error?.message).toMatch(
      /WRONG_AUTH_TYPE.*application \(OAuth\) token of a portal admin/,
    );
    expect(result.items[0]?.error?.message).toMatch(/webhook/);
  });

  it('throws before any request when a declaration is invalid', async () => {
    const portal = createFakePortal();
    const bad = { ...sidebar, options: { iconName: '' } };
    await expect(applyPlacements(portal.rest, [bad as never], { handlerBase })).rejects.toBeInstanceOf(
      InstallerError,
    );
    expect(portal.requests).toHaveLength(0);
  });

  it('retries a batch refused with 503 QUERY_LIMIT_EXCEEDED, with doubling delays', async () => {
    const portal = createFakePortal();
    portal.requestFaults.push(
      { kind: 'call', error: { ...rateLimited, method: 'placement.get' } },
      { kind: 'batch', error: rateLimited },
      { kind: 'batch', error: rateLimited },
    );
    const retry = instantRetry();
    const events: ApplyProgress[] = [];
    const result = await applyPlacements(portal.rest, all, {
      handlerBase,
      retry,
      onProgress: (e) => events.push(e),
    });
    expect(result.ok).toBe(true);
    expect(result.requests).toBe(5);
    expect(retry.delays).toEqual([100, 100, 200]);
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(3);
    expect(portal.rows).toHaveLength(3);
  });

  it('retries only the rate-limited commands of a batch, resuming a rebind at its bind', async () => {
    const portal = createFakePortal();
    await applyPlacements(portal.rest, [sidebar, textarea], { handlerBase });
    portal.requests.length = 0;
    let limitedOnce = false;
    portal.commandFault = (method, params) => {
      if (!limitedOnce && method === 'placement.bind' && params.PLACEMENT === 'IM_SIDEBAR') {
        limitedOnce = true;
        return { ...rateLimited, method };
      }
      return null;
    };
    const recolored = definePlacement({ ...sidebar, options: { ...sidebar.options, color: 'MINT' } });
    const retry = instantRetry();
    const result = await applyPlacements(portal.rest, [recolored, textarea, contextMenu], {
      handlerBase,
      retry,
    });
    expect(result.ok).toBe(true);
    expect(portal.requests.map((r) => r.commands)).toEqual([
      ['placement.get'],
      [
        `placement.unbind ${sidebarUrl}`,
        `placement.bind ${sidebarUrl}`,
        'placement.bind https://apps.example.com/im-context-menu/',
        'placement.get',
      ],
      [`placement.bind ${sidebarUrl}`, 'placement.get'],
    ]);
    expect(retry.delays).toEqual([100]);
  });

  it('gives up after the retry budget and fails the rate-limited items', async () => {
    const portal = createFakePortal();
    portal.commandFault = (method, _params, kind) =>
      kind === 'batch' && method === 'placement.bind' ? { ...rateLimited, method } : null;
    const retry = instantRetry(3);
    const result = await applyPlacements(portal.rest, [sidebar], { handlerBase, retry });
    expect(result.ok).toBe(false);
    expect(result.items[0]).toMatchObject({
      status: 'failed',
      error: { code: 'QUERY_LIMIT_EXCEEDED', status: 503 },
    });
    expect(result.items[0]?.error?.hint).toMatch(/rate limit/);
    expect(retry.delays).toEqual([100, 200]);
    expect(portal.requests).toHaveLength(4);
  });

  it('fails the items of a batch whose whole request fails, and still reads the portal back', async () => {
    const portal = createFakePortal();
    portal.requestFaults.push({
      kind: 'call',
      error: {
        code: 'expired_token',
        description: 'The access token provided has expired.',
        status: 401,
        method: 'placement.get',
      },
    });
    const first = await applyPlacements(portal.rest, [sidebar], { handlerBase }).catch((e: unknown) => e);
    expect(first).toMatchObject({ code: 'READ_FAILED' });
    expect(String((first as Error).message)).toMatch(/expired_token.*refresh token/);
    portal.requests.length = 0;
    const network = { code: 'NETWORK_ERROR', description: 'fetch failed', status: 0, method: 'batch' };
    const rest = {
      call: portal.rest.call,
      batch: async () => {
        portal.requests.push({ kind: 'batch', commands: [] });
        throw Object.assign(new Error('fetch failed'), network);
      },
    };
    const result = await applyPlacements(rest, [sidebar], { handlerBase });
    expect(result.items[0]).toMatchObject({ status: 'failed', error: { code: 'NETWORK_ERROR' } });
    expect(result.mismatches).toHaveLength(1);
    expect(portal.requests.map((r) => r.kind)).toEqual(['call', 'batch', 'call']);
  });

  it('detects a portal that does not store what it was given (verification mismatch)', async () => {
    const portal = createFakePortal();
    portal.storeFilter = (row) => ({ ...row, options: { ...row.options, color: '' } });
    const result = await applyPlacements(portal.rest, [sidebar, textarea], { handlerBase });
    expect(result.items.map((i) => i.status)).toEqual(['done', 'done']);
    expect(result.ok).toBe(false);
    expect(result.mismatches).toEqual([
      {
        placement: 'IM_SIDEBAR',
        handler: sidebarUrl,
        app: 'im-sidebar',
        problem: 'different',
        changes: ['options.color'],
      },
    ]);
  });

  it('reads the bindings back separately when the batch could not include placement.get', async () => {
    const portal = createFakePortal();
    portal.commandFault = (method, _params, kind) =>
      kind === 'batch' && method === 'placement.get'
        ? { code: 'INTERNAL_SERVER_ERROR', description: 'oops', status: 500, method }
        : null;
    const result = await applyPlacements(portal.rest, [sidebar], { handlerBase });
    expect(result.ok).toBe(true);
    expect(portal.requests.map((r) => r.kind)).toEqual(['call', 'batch', 'call']);
  });

  it('reports a failed read-back as not verified', async () => {
    const portal = createFakePortal();
    let calls = 0;
    const rest = {
      batch: async () => ({}),
      call: async <T>(method: string) => {
        calls++;
        if (calls > 1)
          throw Object.assign(new Error('down'), {
            code: 'NETWORK_ERROR',
            status: 0,
            description: 'down',
            method,
          });
        return portal.rest.call<T>(method);
      },
    };
    const result = await applyPlacements(rest, [sidebar], { handlerBase });
    expect(result.ok).toBe(false);
    expect(result.items[0]?.error?.code).toBe('BAD_RESPONSE');
    expect(result.verifyError).toMatch(/NETWORK_ERROR/);
  });

  it('splits more than 50 commands into batches of at most 50 without separating an unbind from its bind', async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      definePlacement({
        ...contextMenu,
        handler: `app-${String(i).padStart(2, '0')}/`,
        title: { en: `App ${i}` },
      }),
    );
    const portal = createFakePortal();
    const fresh = await applyPlacements(portal.rest, many, { handlerBase });
    expect(fresh.ok).toBe(true);
    expect(portal.requests.map((r) => r.commands.length)).toEqual([1, 50, 11]);
    expect(portal.requests[2]?.commands.at(-1)).toBe('placement.get');
    portal.requests.length = 0;
    const retitled = many.map((d) => definePlacement({ ...d, title: { en: `${d.title.en}!` } }));
    const result = await applyPlacements(portal.rest, retitled, { handlerBase });
    expect(result.ok).toBe(true);
    const sizes = portal.requests.map((r) => r.commands.length);
    expect(sizes).toEqual([1, 50, 50, 21]);
    for (const request of portal.requests.slice(1)) {
      const first = request.commands[0] ?? '';
      expect(first.startsWith('placement.unbind')).toBe(true);
    }
  });

  it('reports progress: planned, each item as it finishes, then verified', async () => {
    const portal = createFakePortal();
    const events: string[] = [];
    await applyPlacements(portal.rest, [sidebar, textarea], {
      handlerBase,
      onProgress: (e) =>
        events.push(e.type === 'item' ? `item:${e.item.placement}:${e.item.status}` : e.type),
    });
    expect(events).toEqual(['planned', 'item:IM_SIDEBAR:done', 'item:IM_TEXTAREA:done', 'verified']);
  });
});
